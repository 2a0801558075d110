"""Core group meetings (the first within 10 working days of the conference, then at the local
interval), with attendance by member and progress on every action, and visits to the child at the
local frequency: seen, seen alone or why not, bedroom seen, and the child's words."""

from collections.abc import Iterable, Mapping
from datetime import date

from django.utils import timezone

from lantern.access.policy import child_for_action
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.audit_log.transactions import atomic
from lantern.casework.records import progress_rows
from lantern.obligations.engine import obligations_sync
from lantern.obligations.late import require_late_reason
from lantern.protection.audit_types import CORE_GROUP, CP_VISIT
from lantern.service_layer.errors import date_errors, raise_if, required_text

from ..models import ActionProgress, CoreGroup, CpPlan, CpVisit
from ..obligations import PLAN_SOURCE, counted_visits


def _when_errors(plan: CpPlan, day: date | None, name: str, label: str, errors: dict) -> None:
    date_errors(day, name, label, errors, earliest=plan.start_date, earliest_label="the start of the plan",
                today=timezone.localdate())
    if day and plan.end_date and day > plan.end_date and name not in errors:
        errors[name] = f"The plan ended on {plan.end_date:%-d %B %Y}"


@atomic
def core_group_record(*, actor, plan: CpPlan, held_on: date | None, summary: str, attendee_ids: Iterable[int],
                      progress: Mapping, late_reason: str = "") -> CoreGroup:
    child = child_for_action(actor, plan.child_id, "cp_plan.edit")
    plan = CpPlan.objects.select_for_update().get(pk=plan.pk)
    errors: dict[str, str] = {}
    _when_errors(plan, held_on, "held_on", "the date of the core group", errors)
    required_text(summary, "summary", "Enter what the core group found and agreed", errors, minimum=10)
    members = {m.pk: m for m in plan.members.all()}
    attendees = [members[int(i)] for i in attendee_ids if int(i) in members]
    if not attendees:
        errors["attendee_ids"] = "Select the members who attended"
    rows = progress_rows(plan.actions.all(), progress, errors, ActionProgress)
    raise_if(errors)
    assert held_on is not None  # _when_errors refused a missing date
    occurrence = plan.core_groups.filter(held_on__lt=held_on).count() + 1
    require_late_reason(source_key=PLAN_SOURCE, source_id=plan.pk, rule_id="core_group", occurrence=occurrence,
                        met_on=held_on, reason=late_reason)
    meeting = CoreGroup.objects.create(plan=plan, child=child, held_on=held_on, summary=summary.strip(),
                                       late_reason=late_reason.strip(), recorded_by=actor)
    meeting.attendees.set(attendees)
    for row in rows:
        row.core_group = meeting
    ActionProgress.objects.bulk_create(rows)
    audit_record(actor=actor, action=Action.CREATE, object_type=CORE_GROUP, object_id=meeting.pk, child_id=child.pk,
                 changes={"plan": [None, plan.pk], "held_on": [None, held_on.isoformat()],
                          "agencies": [None, sorted({m.agency_kind for m in attendees})],
                          "progress": {str(r.action_id): r.status for r in rows}})
    obligations_sync(PLAN_SOURCE, [plan.pk])
    return meeting


def _visit_errors(plan, visit_date, child_seen, seen_alone, not_seen_reason, not_seen_alone_reason, bedroom_seen,
                  child_words, observations) -> dict[str, str]:
    errors: dict[str, str] = {}
    _when_errors(plan, visit_date, "visit_date", "the date of the visit", errors)
    if child_seen is None:
        errors["child_seen"] = "Select whether the child was seen"
    elif not child_seen:
        required_text(not_seen_reason, "not_seen_reason", "Say why the child was not seen", errors)
    else:
        if seen_alone is None:
            errors["seen_alone"] = "Select whether the child was seen alone"
        elif not seen_alone:
            required_text(not_seen_alone_reason, "not_seen_alone_reason", "Say why the child was not seen alone",
                          errors)
        required_text(child_words, "child_words", "Record what the child said, in their words (for a baby, what "
                      "you saw of them)", errors)
    if bedroom_seen is None:
        errors["bedroom_seen"] = "Select whether you saw the child's bedroom"
    required_text(observations, "observations", "Enter what you saw and did", errors)
    return errors


@atomic
def cp_visit_record(*, actor, plan: CpPlan, visit_date: date | None, child_seen: bool | None,
                    seen_alone: bool | None = None, not_seen_reason: str = "", not_seen_alone_reason: str = "",
                    bedroom_seen: bool | None = None, child_words: str = "", observations: str = "",
                    late_reason: str = "") -> CpVisit:
    child = child_for_action(actor, plan.child_id, "cp_visit.record")
    plan = CpPlan.objects.select_for_update().get(pk=plan.pk)
    raise_if(_visit_errors(plan, visit_date, child_seen, seen_alone, not_seen_reason, not_seen_alone_reason,
                           bedroom_seen, child_words, observations))
    assert visit_date is not None and child_seen is not None  # _visit_errors refused them missing
    if child_seen:  # only a visit at which the child is seen meets the deadline
        earlier = [v for v in counted_visits(plan) if v.visit_date < visit_date]
        require_late_reason(source_key=PLAN_SOURCE, source_id=plan.pk, rule_id="cp_visit", occurrence=len(earlier) + 1,
                            met_on=visit_date, reason=late_reason)
    visit = CpVisit.objects.create(
        plan=plan, child=child, visit_date=visit_date, visited_by=actor, child_seen=child_seen,
        not_seen_reason="" if child_seen else not_seen_reason.strip(), seen_alone=seen_alone if child_seen else None,
        not_seen_alone_reason="" if (not child_seen or seen_alone) else not_seen_alone_reason.strip(),
        bedroom_seen=bedroom_seen, child_words=child_words.strip() if child_seen else "",
        observations=observations.strip(), late_reason=late_reason.strip() if child_seen else "", recorded_by=actor)
    audit_record(actor=actor, action=Action.CREATE, object_type=CP_VISIT, object_id=visit.pk, child_id=child.pk,
                 changes={"plan": [None, plan.pk], "visit_date": [None, visit_date.isoformat()],
                          "child_seen": [None, child_seen], "seen_alone": [None, visit.seen_alone],
                          "bedroom_seen": [None, bedroom_seen]})
    obligations_sync(PLAN_SOURCE, [plan.pk])
    return visit
