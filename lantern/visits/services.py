"""Recording a visit: whether the child was seen, and seen alone (or why not), and their words.
A late child in need visit needs a reason, like every other late statutory event."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone

from lantern.access.policy import child_for, require_permission
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.audit_log.transactions import atomic
from lantern.cin.models import CinPlan
from lantern.cin.services.common import sync_plan_obligations
from lantern.obligations.late import require_late_reason
from lantern.visits.audit_types import VISIT

from .models import Visit, VisitKind
from .obligations import SOURCE, plan_visits


def _errors(episode, kind, visit_date, child_seen, seen_alone, not_seen_reason, not_seen_alone_reason,
            observations) -> dict[str, str]:
    errors = {}
    if kind not in VisitKind.values:
        errors["kind"] = "Select the kind of visit"
    if visit_date < episode.referral_date:
        errors["visit_date"] = "The visit cannot be before the referral"
    elif visit_date > timezone.localdate():
        errors["visit_date"] = "The visit date cannot be in the future"
    elif episode.closure_date and visit_date > episode.closure_date:
        errors["visit_date"] = "The episode had closed by this date"
    if child_seen is None:
        errors["child_seen"] = "Select whether the child was seen"
    elif child_seen and seen_alone is None:
        errors["seen_alone"] = "Select whether the child was seen alone"
    elif child_seen and seen_alone is False and not not_seen_alone_reason.strip():
        errors["not_seen_alone_reason"] = "Say why the child was not seen alone"
    elif child_seen is False and not not_seen_reason.strip():
        errors["not_seen_reason"] = "Say why the child was not seen"
    if not observations.strip():
        errors["observations"] = "Enter what you saw and did"
    return errors


def _require_late_reason(child, visit_date: date, late_reason: str) -> None:
    plan = CinPlan.objects.filter(child=child, start_date__lte=visit_date).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=visit_date)).first()
    if plan is None:
        return
    earlier = [v for v in plan_visits(plan, plan.episode.visits.all()) if v.visit_date < visit_date]
    require_late_reason(source_key=SOURCE, source_id=plan.pk, rule_id="cin_visit", occurrence=len(earlier) + 1,
                        met_on=visit_date, reason=late_reason)


@atomic
def visit_record(*, actor, episode, visit_date: date, child_seen: bool | None, kind: str = VisitKind.CIN,
                 seen_alone: bool | None = None, not_seen_reason: str = "", not_seen_alone_reason: str = "",
                 child_words: str = "", observations: str = "", bedroom_seen: bool | None = None,
                 late_reason: str = "") -> Visit:
    require_permission(actor, "visit.record")
    child, _ = child_for(actor, episode.child_id, for_change=True)
    errors = _errors(episode, kind, visit_date, child_seen, seen_alone, not_seen_reason, not_seen_alone_reason,
                     observations)
    if errors:
        raise ValidationError(errors)
    assert child_seen is not None  # _errors refused it missing
    if kind == VisitKind.CIN and child_seen:
        _require_late_reason(child, visit_date, late_reason)
    visit = Visit.objects.create(
        child=child, episode=episode, kind=kind, visit_date=visit_date, child_seen=child_seen,
        not_seen_reason="" if child_seen else not_seen_reason.strip(), seen_alone=seen_alone if child_seen else None,
        not_seen_alone_reason="" if seen_alone else not_seen_alone_reason.strip(), bedroom_seen=bedroom_seen,
        child_words=child_words.strip(), observations=observations.strip(), late_reason=late_reason.strip(),
        recorded_by=actor)
    audit_record(actor=actor, action=Action.CREATE, object_type=VISIT, object_id=visit.pk, child_id=child.pk,
                 changes={"kind": [None, kind], "visit_date": [None, visit_date.isoformat()],
                          "child_seen": [None, child_seen], "seen_alone": [None, visit.seen_alone]})
    plans = list(CinPlan.objects.filter(episode=episode).values_list("pk", flat=True))
    if plans:
        sync_plan_obligations(plans)
    return visit
