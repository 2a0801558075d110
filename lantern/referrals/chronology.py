"""The episode's entries in the child's chronology: referrals, transfers and closures."""

from lantern.chronology.registry import ChronologyEvent

from .models import Episode, Transfer, TransferStatus


def episode_link(episode) -> str:
    return f"/children/{episode.child_id}/episodes/{episode.pk}/"


def referral_events(child):
    for e in Episode.objects.filter(child=child):
        need = e.get_primary_need_display() if e.primary_need else "No further action at referral"
        returned = " Returned within 3 months of a step-down to early help." if e.returned_after_step_down_id else ""
        yield ChronologyEvent(kind="referral", key=f"episode:{e.pk}", on=e.referral_date,
                              title=f"Referral from {e.get_referral_source_display()}",
                              detail=f"{need}.{returned}", link=episode_link(e))


def closure_events(child):
    for e in Episode.objects.filter(child=child, closure_date__isnull=False):
        how = "Stepped down to early help: " if e.stepped_down else ""
        yield ChronologyEvent(kind="closure", key=f"episode-closure:{e.pk}", on=e.closure_date,
                              title=f"Episode closed: {how}{e.get_closure_reason_display()}",
                              detail=f"Closure reason {e.closure_reason}", link=episode_link(e))


def transfer_events(child):
    approved = Transfer.objects.filter(child=child, status=TransferStatus.APPROVED).select_related(
        "to_team", "to_worker", "episode")
    for t in approved:
        to = f"{t.to_worker} ({t.to_team})" if t.to_worker else str(t.to_team)
        yield ChronologyEvent(kind="transfer", key=f"transfer:{t.pk}", on=t.transfer_date,
                              title=f"Transferred to {to}", detail=f"Risk at transfer: {t.risk_evaluation}",
                              link=episode_link(t.episode))


KINDS = (("referral", "Referrals", referral_events), ("closure", "Closures", closure_events),
         ("transfer", "Transfers with a risk evaluation", transfer_events))
