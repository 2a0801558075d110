"""Working the plan: adding actions (each with what, who, by when and how we will know), core group
members, partners' updates, and a service manager's decision on a plan ending within 3 months."""

from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.utils import timezone

from lantern.access.policy import child_for_action
from lantern.accounts.roles import Role
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.audit_log.transactions import atomic
from lantern.casework.records import plan_action_errors
from lantern.obligations.engine import obligations_sync
from lantern.protection.audit_types import CORE_GROUP_MEMBER, CP_PLAN, CP_PLAN_ACTION, CP_PLAN_UPDATE
from lantern.revisions.services import keep_replaced, text_at_version
from lantern.service_layer.concurrency import bump_version
from lantern.service_layer.errors import MIN_WRITTEN, raise_if, required_text

from ..codes import MeetingAgency
from ..models import CoreGroupMember, CpPlan, PlanAction, PlanUpdate
from ..obligations import PLAN_SOURCE
from ..policies import core_group


def _require_open(plan: CpPlan, errors: dict) -> None:
    if not plan.is_open:
        errors["__all__"] = "This plan has ended"


@atomic
def plan_action_add(*, actor, plan: CpPlan, what: str, owner: str, due_date, success_measure: str) -> PlanAction:
    child = child_for_action(actor, plan.child_id, "cp_plan.edit")
    data = {"what": what, "owner": owner, "due_date": due_date, "success_measure": success_measure}
    errors = plan_action_errors(data, plan.start_date)
    _require_open(plan, errors)
    raise_if(errors)
    action = PlanAction.objects.create(plan=plan, what=what.strip(), owner=owner.strip(), due_date=due_date,
                                       success_measure=success_measure.strip(), created_by=actor)
    CpPlan.objects.filter(pk=plan.pk).update(version=F("version") + 1)
    audit_record(actor=actor, action=Action.CREATE, object_type=CP_PLAN_ACTION, object_id=action.pk,
                 child_id=child.pk, changes={"plan": [None, plan.pk], "due_date": [None, due_date.isoformat()]})
    return action


@atomic
def core_group_member_add(*, actor, plan: CpPlan, agency_kind: str, name: str, agency=None, role: str = "",
                          user=None) -> CoreGroupMember:
    child = child_for_action(actor, plan.child_id, "cp_plan.edit")
    errors: dict[str, str] = {}
    _require_open(plan, errors)
    if agency_kind not in MeetingAgency.values:
        errors["agency_kind"] = "Select the kind of agency"
    elif agency is not None and agency.kind != agency_kind:
        errors["agency_id"] = f"{agency} is not a {MeetingAgency(agency_kind).label.lower()} agency"
    required_text(name, "name", "Enter the member's name", errors)
    raise_if(errors)
    member = CoreGroupMember.objects.create(plan=plan, agency_kind=agency_kind, agency=agency, name=name.strip(),
                                            role=role.strip(), user=user, joined_on=timezone.localdate())
    audit_record(actor=actor, action=Action.CREATE, object_type=CORE_GROUP_MEMBER, object_id=member.pk,
                 child_id=child.pk, changes={"plan": [None, plan.pk], "agency_kind": [None, agency_kind]})
    return member


@atomic
def plan_update_add(*, actor, plan: CpPlan, text: str, action: PlanAction | None = None) -> PlanUpdate:
    """A core group member's update between meetings (a partner for their own agency)."""
    child = child_for_action(actor, plan.child_id, "cp_plan.contribute")
    if actor.role == Role.PARTNER_PRACTITIONER and not core_group.is_member(actor, plan):
        raise PermissionDenied("Only members of the core group can add an update")
    errors: dict[str, str] = {}
    _require_open(plan, errors)
    required_text(text, "text", "Enter your update", errors, minimum=10)
    if action is not None and action.plan_id != plan.pk:
        errors["action_id"] = "That action is not in this plan"
    raise_if(errors)
    label = str(actor.agency) if actor.agency_id else "Children's social care"
    update = PlanUpdate.objects.create(plan=plan, action=action, author=actor, agency_label=label,
                                       written_on=timezone.localdate(), text=text.strip())
    audit_record(actor=actor, action=Action.CREATE, object_type=CP_PLAN_UPDATE, object_id=update.pk,
                 child_id=child.pk, changes={"plan": [None, plan.pk]})
    return update


@atomic
def plan_early_end_decide(*, actor, plan: CpPlan, approve: bool, rationale: str, expected_version: int) -> CpPlan:
    """A review decided to end the plan within 3 months of its start: a service manager records why
    that is safe (the plan then ends on the review's date) or keeps it running."""
    child = child_for_action(actor, plan.child_id, "cp_plan.end_early")
    plan = CpPlan.objects.select_related("pending_end").get(pk=plan.pk)
    errors: dict[str, str] = {}
    if plan.pending_end is None:
        errors["__all__"] = "No decision to end this plan is waiting"
    text = required_text(rationale, "rationale", "Explain why the child is safe enough for the plan to end"
                         if approve else "Explain why the plan continues", errors, minimum=MIN_WRITTEN)
    raise_if(errors)
    review = plan.pending_end
    assert review is not None  # refused above when nothing is waiting
    # A plan can wait to end early more than once; each decision's reason is kept, never overwritten.
    before = text_at_version(CpPlan, plan.pk, expected_version, ("early_end_rationale",))
    if approve:
        bump_version(plan, expected_version, end_date=review.conference_date, ended_by=review,
                     after_plan=review.after_plan, pending_end=None, early_end_rationale=text,
                     early_end_approved_by=actor)
    else:
        bump_version(plan, expected_version, pending_end=None, early_end_rationale=text)
    keep_replaced(actor=actor, record_type="cp_plan", record_id=plan.pk, child_id=child.pk, version=expected_version,
                  before=before, after={"early_end_rationale": text},
                  labels={"early_end_rationale": "Why the plan did or did not end early"})
    audit_record(actor=actor, action=Action.UPDATE, object_type=CP_PLAN, object_id=plan.pk, child_id=child.pk,
                 changes={"end_date": [None, review.conference_date.isoformat() if approve else None],
                          "early_end": [None, "approved" if approve else "refused"]})
    obligations_sync(PLAN_SOURCE, [plan.pk])
    plan.refresh_from_db()
    return plan
