"""Opening a child in need episode from a referral, and closing it (census rules 8565, 8600, 8606,
8610, 8815/8816, 8820 and 2990 are checked here, as the record is made, not at year end)."""

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils import timezone

from lantern.access.policy import child_for, require_permission
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.audit_log.transactions import atomic
from lantern.obligations.engine import obligations_sync
from lantern.referrals.audit_types import EPISODE

from ..activity import ASSESSMENT_COMPLETED, PLAN, episode_activities
from ..codes import ClosureReason, PrimaryNeed, ReferralSource
from ..models import Episode
from ..obligations import SOURCE

STEP_DOWN_RETURN_WINDOW = relativedelta(months=3)
NO_PLAN_REASONS = (ClosureReason.RC8, ClosureReason.RC9)


def _referral_errors(child, referral_date: date, referral_source: str, primary_need: str, referral_nfa: bool,
                     team, worker) -> dict[str, str]:
    errors = {}
    if referral_date > timezone.localdate():
        errors["referral_date"] = "The referral date cannot be in the future"
    born = child.date_of_birth or child.expected_date_of_birth
    if born and referral_date < born - timedelta(days=280):
        errors["referral_date"] = "The referral date cannot be more than 280 days before the birth (census rule 8606)"
    if referral_source not in ReferralSource.values:
        errors["referral_source"] = "Select where the referral came from"
    if primary_need and primary_need not in PrimaryNeed.values:
        errors["primary_need"] = "Select a primary need from the list"
    if not referral_nfa and not primary_need:
        errors["primary_need"] = "Select the primary need (census rule 8610)"
    if worker is not None and team is not None and worker.team_id != team.pk:
        errors["worker_id"] = f"{worker} is not a member of {team}"
    episodes = Episode.objects.filter(child=child)
    if not referral_nfa and episodes.filter(closure_date__isnull=True, referral_nfa=False).exists():
        errors["referral_date"] = "This child already has an open episode; record the work on it instead"
    elif episodes.filter(closure_date__gt=referral_date).exists():
        errors["referral_date"] = ("This referral would overlap an earlier episode that closed after this date "
                                   "(census rule 8820)")
    elif not referral_nfa and episodes.filter(referral_date__gt=referral_date).exists():
        errors["referral_date"] = "An open episode must be the child's latest referral (census rule 8815)"
    return errors


@atomic
def episode_open(*, actor, child, referral_date: date, referral_source: str, primary_need: str = "",
                 referral_nfa: bool = False, team=None, worker=None) -> Episode:
    """Open a child in need episode from a referral. ``team`` and ``worker`` default to the child's
    current allocation. A referral within 3 months of a step-down to early help is flagged."""
    require_permission(actor, "referral.record")
    child, _ = child_for(actor, child.pk, for_change=True)
    errors = _referral_errors(child, referral_date, referral_source, primary_need, referral_nfa, team, worker)
    if errors:
        raise ValidationError(errors)
    returned = (Episode.objects.filter(child=child, stepped_down=True, closure_date__lte=referral_date,
                                       closure_date__gte=referral_date - STEP_DOWN_RETURN_WINDOW)
                .order_by("-closure_date").first())
    episode = Episode.objects.create(
        child=child, referral_date=referral_date, referral_source=referral_source, primary_need=primary_need,
        referral_nfa=referral_nfa, team_id=team.pk if team else child.current_team_id,
        worker_id=worker.pk if worker else (None if team else child.current_worker_id),
        returned_after_step_down=returned, created_by=actor)
    audit_record(actor=actor, action=Action.CREATE, object_type=EPISODE, object_id=episode.pk, child_id=child.pk,
                 changes={"referral_date": [None, referral_date.isoformat()],
                          "referral_source": [None, referral_source], "primary_need": [None, primary_need],
                          "referral_nfa": [None, referral_nfa],
                          "returned_after_step_down": [None, returned.pk if returned else None]})
    obligations_sync(SOURCE, [episode.pk])
    return episode


def closure_errors(episode: Episode, closure_date: date, reason: str) -> dict[str, str]:
    """Why this episode cannot close on this date for this reason (empty when it can)."""
    if not episode.is_open:
        return {"closure_date": "This episode is already closed"}
    if reason not in ClosureReason.values:
        return {"reason": "Select the reason for closure"}
    if closure_date < episode.referral_date:
        return {"closure_date": "The episode cannot close before the referral date"}
    if closure_date > timezone.localdate():
        return {"closure_date": "The closure date cannot be in the future"}
    activities = episode_activities(episode)
    later = [a for a in activities if a.on > closure_date]
    if later:
        last = later[-1]
        return {"closure_date": f"The episode cannot close before its last activity: {last.label} on "
                                f"{last.on:%-d %B %Y} (census rule 8565)"}
    if reason in NO_PLAN_REASONS:
        kinds = {a.kind for a in activities}
        if ASSESSMENT_COMPLETED not in kinds:
            return {"reason": f"{reason} is only for an episode closed after an authorised assessment"}
        if PLAN in kinds:
            return {"reason": f"{reason} cannot be used once there has been a plan, enquiry or conference "
                              "(census rule 2990): use RC7 or another reason"}
    return {}


@atomic
def episode_close(*, actor, episode: Episode, closure_date: date, reason: str, stepped_down: bool = False) -> Episode:
    """Close the episode. Callers (the closure decision) have recorded the risk evaluation and the
    manager's rationale, and ended any plan, first."""
    require_permission(actor, "episode.close")
    child_for(actor, episode.child_id, for_change=True)
    episode = Episode.objects.select_for_update().get(pk=episode.pk)
    errors = closure_errors(episode, closure_date, reason)
    if errors:
        raise ValidationError(errors)
    Episode.objects.filter(pk=episode.pk).update(closure_date=closure_date, closure_reason=reason,
                                                 stepped_down=stepped_down, version=F("version") + 1)
    episode.refresh_from_db()
    audit_record(actor=actor, action=Action.UPDATE, object_type=EPISODE, object_id=episode.pk,
                 child_id=episode.child_id, changes={"closure_date": [None, closure_date.isoformat()],
                                                     "closure_reason": ["", reason],
                                                     "stepped_down": [False, stepped_down]})
    obligations_sync(SOURCE, [episode.pk])
    return episode
