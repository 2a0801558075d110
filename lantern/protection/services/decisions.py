"""The chair's record of a conference: attendance by agency, the parents' and child's participation,
the decision with its rationale, the category of abuse and the outline plan, recorded within the
local deadline. An initial conference's plan starts that day; a review continues or ends the plan."""

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from lantern.access.policy import child_for_action
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.audit_log.transactions import atomic
from lantern.casework.records import plan_action_errors, progress_rows
from lantern.obligations.engine import obligations_sync
from lantern.obligations.late import require_late_reason
from lantern.protection.audit_types import CP_CONFERENCE
from lantern.service_layer.concurrency import bump_version
from lantern.service_layer.errors import MIN_WRITTEN, raise_if, required_text

from ..codes import (
    INITIAL_DECISIONS,
    REVIEW_DECISIONS,
    AfterPlan,
    Category,
    ChildParticipation,
    ConferenceDecision,
    ConferenceKind,
    ParentParticipation,
)
from ..models import ActionProgress, Conference, ConferenceInvitation, CpPlan
from ..obligations import CONFERENCE_SOURCE, ENQUIRY_SOURCE, PLAN_SOURCE
from ..policies import chair_independence
from .plan_changes import continue_plan, end_or_hold_plan, start_plan

D = ConferenceDecision


def _participation_errors(conference, attendance, parents, child_part, advocacy, errors) -> None:
    for invitation in conference.invitations.all():
        if attendance.get(invitation.pk) is None:
            errors["attendance"] = "Say whether each invited agency attended"
    if parents not in ParentParticipation.values:
        errors["parents_participation"] = "Select how the parents took part"
    if child_part not in ChildParticipation.values:
        errors["child_participation"] = "Select how the child took part"
    if advocacy is None:
        errors["advocacy_offered"] = "Say whether advocacy was offered"


def _decision_errors(conference, decision, category, outline_plan, after_plan, first_action, errors) -> None:
    allowed = INITIAL_DECISIONS if conference.kind == ConferenceKind.INITIAL else REVIEW_DECISIONS
    if decision not in allowed:
        errors["decision"] = "Select the conference's decision"
        return
    if decision in (D.PLAN, D.CONTINUE) and category not in Category.values:
        errors["category"] = "Select the category of abuse"
    if decision in (D.NO_PLAN, D.END) and after_plan not in AfterPlan.values:
        errors["after_plan"] = "Select what happens next for the child"
    if decision == D.PLAN:
        required_text(outline_plan, "outline_plan", "Enter the outline plan", errors, minimum=MIN_WRITTEN)
        errors.update(plan_action_errors(first_action or {}, conference.conference_date, prefix="first_action.",
                                     earliest_label="the conference"))
        plans = CpPlan.objects.filter(child_id=conference.child_id)
        if plans.filter(end_date__isnull=True).exists():
            errors["decision"] = "The child already has a child protection plan (census rule 8935)"
        elif plans.filter(end_date__gt=conference.conference_date).exists():
            errors["decision"] = "A new plan would overlap an earlier one (census rule 8940)"


@dataclass(frozen=True)
class ConferenceDecisionAnswers:
    """What the chair records of a conference, under the names the API sends: one object from the
    page's form or the API's payload to the service, so no value is copied by hand on the way."""

    attendance: Mapping[int, bool | None]  # by invitation id
    parents_participation: str
    child_participation: str
    advocacy_offered: bool | None
    decision: str
    decision_rationale: str
    category: str = ""
    outline_plan: str = ""
    after_plan: str = ""
    first_action: Mapping[str, Any] | None = None  # a new plan's first action
    progress: Mapping[int, Mapping[str, Any]] = field(default_factory=dict)  # at a review, by action id
    late_reason: str = ""

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> "ConferenceDecisionAnswers":
        """From a mapping holding these names (and possibly others, such as a version)."""
        return cls(**{f.name: data[f.name] for f in fields(cls) if f.name in data})


@atomic
def conference_decision_record(*, actor, conference: Conference, expected_version: int,
                               answers: ConferenceDecisionAnswers) -> Conference:
    child = child_for_action(actor, conference.child_id, "conference.chair")
    conference = Conference.objects.select_for_update(of=("self",)).select_related("episode", "plan").get(
        pk=conference.pk)
    if conference.chair_id != actor.pk:
        raise PermissionDenied("Only the conference's chair records its decision")
    today, errors = timezone.localdate(), {}
    a = answers
    attendance = {int(k): v for k, v in a.attendance.items()}
    if conference.decision or conference.cancelled_on:
        errors["__all__"] = "This conference's decision is already recorded, or it was cancelled"
    elif conference.conference_date > today:
        errors["__all__"] = "The conference has not been held yet"
    problem = chair_independence.problem(actor, child, conference.episode)
    if problem:
        errors["__all__"] = problem
    _participation_errors(conference, attendance, a.parents_participation, a.child_participation,
                          a.advocacy_offered, errors)
    _decision_errors(conference, a.decision, a.category, a.outline_plan, a.after_plan, a.first_action, errors)
    required_text(a.decision_rationale, "decision_rationale", "Explain the decision", errors, minimum=MIN_WRITTEN)
    rows = (progress_rows(conference.plan.actions.all(), a.progress, errors, ActionProgress)
            if conference.plan is not None else [])
    raise_if(errors)
    invitations = list(conference.invitations.all())
    for invitation in invitations:
        invitation.attended = bool(attendance[invitation.pk])
    ConferenceInvitation.objects.bulk_update(invitations, ["attended"])
    conference = _save_decision(
        conference, expected_version, decision=a.decision, decision_rationale=a.decision_rationale.strip(),
        category=a.category if a.decision in (D.PLAN, D.CONTINUE) else "", outline_plan=a.outline_plan.strip(),
        after_plan=a.after_plan if a.decision in (D.NO_PLAN, D.END) else "",
        parents_participation=a.parents_participation, child_participation=a.child_participation,
        advocacy_offered=a.advocacy_offered, decision_recorded_on=today, decision_late_reason=a.late_reason.strip())
    plan = _carry_out(actor, conference, a.first_action, rows)
    audit_record(actor=actor, action=Action.UPDATE, object_type=CP_CONFERENCE, object_id=conference.pk,
                 child_id=child.pk, changes={"decision": ["", a.decision], "category": ["", conference.category],
                                             "attended": [None, sorted({i.agency_kind for i in invitations
                                                                        if i.attended})],
                                             "plan": [None, plan.pk if plan else None]})
    obligations_sync(CONFERENCE_SOURCE, [conference.pk])
    if conference.enquiry_id:
        obligations_sync(ENQUIRY_SOURCE, [conference.enquiry_id])
    if plan:
        obligations_sync(PLAN_SOURCE, [plan.pk])
    require_late_reason(source_key=CONFERENCE_SOURCE, source_id=conference.pk, rule_id="conference_decision_recorded",
                        met_on=today, reason=a.late_reason)
    return conference


def _save_decision(conference, expected_version, **values) -> Conference:
    bump_version(conference, expected_version, **values)
    conference.refresh_from_db()
    return conference


def _carry_out(actor, conference, first_action, rows) -> CpPlan | None:
    if conference.decision == D.PLAN:
        return start_plan(actor, conference, first_action)
    if conference.plan_id is None:
        return None
    for row in rows:
        row.conference = conference
    ActionProgress.objects.bulk_create(rows)
    if conference.decision == D.CONTINUE:
        return continue_plan(conference)
    return end_or_hold_plan(conference)


@atomic
def conference_minutes_record(*, actor, conference: Conference, circulated_on, expected_version: int,
                              late_reason: str = "") -> Conference:
    child_for_action(actor, conference.child_id, "conference.chair")
    errors: dict[str, str] = {}
    if not conference.decision:
        errors["__all__"] = "Record the conference's decision first"
    elif conference.minutes_circulated_on:
        errors["__all__"] = "The minutes have already been circulated"
    if circulated_on is None:
        errors["circulated_on"] = "Enter the date the minutes were circulated"
    elif circulated_on > timezone.localdate():
        errors["circulated_on"] = "The date the minutes were circulated cannot be in the future"
    elif circulated_on < conference.conference_date:
        errors["circulated_on"] = "The minutes cannot be circulated before the conference"
    raise_if(errors)
    require_late_reason(source_key=CONFERENCE_SOURCE, source_id=conference.pk, rule_id="conference_minutes_circulated",
                        met_on=circulated_on, reason=late_reason)
    conference = _save_decision(conference, expected_version, minutes_circulated_on=circulated_on,
                                minutes_late_reason=late_reason.strip())
    audit_record(actor=actor, action=Action.UPDATE, object_type=CP_CONFERENCE, object_id=conference.pk,
                 child_id=conference.child_id, changes={"minutes_circulated_on": [None, circulated_on.isoformat()]})
    obligations_sync(CONFERENCE_SOURCE, [conference.pk])
    return conference
