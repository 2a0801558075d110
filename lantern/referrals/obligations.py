"""The timescales an episode starts: the assessment is due 45 working days from the referral date
(before 15 April 2013, the legacy initial and core assessments). Met when the assessment is
authorised; the assessments work adds that date here."""

from collections.abc import Iterable

from lantern.obligations.registry import ObligationSpec, register_source
from lantern.timescales.rules import rules_in_force

from .models import Episode

ASSESSMENT_RULES = ("single_assessment", "initial_assessment")


def episode_obligations(episodes: Iterable[Episode]) -> Iterable[ObligationSpec]:
    for episode in episodes:
        if episode.referral_nfa:
            continue
        in_force = {rule.id for rule in rules_in_force(episode.referral_date)}
        for rule_id in ASSESSMENT_RULES:
            if rule_id in in_force:
                yield ObligationSpec(
                    source_id=episode.pk, rule_id=rule_id, child_id=episode.child_id,
                    start_date=episode.referral_date, met_on=None,
                    link=f"/children/{episode.child_id}/",
                    withdrawn_on=episode.closure_date,
                )


register_source("referrals.episode", model=Episode, build=episode_obligations)


def referral_events(child):
    from lantern.chronology.registry import ChronologyEvent

    for e in Episode.objects.filter(child=child):
        yield ChronologyEvent(kind="referral", key=f"episode:{e.pk}", on=e.referral_date,
                              title=f"Referral from {e.get_referral_source_display()}",
                              detail=e.get_primary_need_display() if e.primary_need else "No further action",
                              link=f"/children/{child.pk}/")


def closure_events(child):
    from lantern.chronology.registry import ChronologyEvent

    for e in Episode.objects.filter(child=child, closure_date__isnull=False):
        yield ChronologyEvent(kind="closure", key=f"episode-closure:{e.pk}", on=e.closure_date,
                              title=f"Episode closed: {e.get_closure_reason_display()}",
                              link=f"/children/{child.pk}/")
