"""Working the child protection plan through the API."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404

from lantern.accounts.models import Agency

from .. import schemas as s
from ..models import PlanAction
from ..selectors import plan_for
from ..services import (
    core_group_member_add,
    core_group_record,
    cp_visit_record,
    plan_action_add,
    plan_early_end_decide,
    plan_update_add,
)
from .records import CORE_GROUP_ROWS
from .router import router
from .shapes import core_group_out, plan_out
from .writes_casework import user_or_404

PLAN = "/cp-plans/{cp_plan_id}"


@router.post(f"{PLAN}/actions", response={201: s.CpActionOut}, summary="Add an action to the plan",
             description="What, who, by when, and how we will know it worked.")
def action_create(request, cp_plan_id: int, payload: s.CpActionIn):
    plan, _ = plan_for(request.auth, cp_plan_id)
    return 201, plan_action_add(actor=request.auth, plan=plan, **payload.dict())


@router.post(f"{PLAN}/members", response={201: s.CoreGroupMemberOut}, summary="Add a core group member",
             description="A professional from an agency (a Lantern user, or a name), or a family member.")
def member_create(request, cp_plan_id: int, payload: s.MemberIn):
    plan, _ = plan_for(request.auth, cp_plan_id)
    agency = get_object_or_404(Agency, pk=payload.agency_id) if payload.agency_id else None
    return 201, core_group_member_add(actor=request.auth, plan=plan, agency_kind=payload.agency_kind,
                                      name=payload.name, agency=agency, role=payload.role,
                                      user=user_or_404(payload.user_id))


@router.post(f"{PLAN}/core-groups", response={201: s.CoreGroupOut}, summary="Record a core group",
             description="Who attended (members' ids), what was found and agreed, and progress on every action "
                         "keyed by the action's id. Late needs a late_reason.")
def core_group_create(request, cp_plan_id: int, payload: s.CoreGroupIn):
    plan, _ = plan_for(request.auth, cp_plan_id)
    progress = {action_id: answer.dict() for action_id, answer in payload.progress.items()}
    meeting = core_group_record(actor=request.auth, plan=plan, held_on=payload.held_on, summary=payload.summary,
                                attendee_ids=payload.attendee_ids, progress=progress,
                                late_reason=payload.late_reason)
    return 201, core_group_out(CORE_GROUP_ROWS.get(pk=meeting.pk))


@router.post(f"{PLAN}/cp-visits", response={201: s.CpVisitOut}, summary="Record a child protection visit",
             description="Whether the child was seen, seen alone (or why not) and their bedroom seen, and their "
                         "words. Late needs a late_reason.")
def visit_create(request, cp_plan_id: int, payload: s.CpVisitIn):
    plan, _ = plan_for(request.auth, cp_plan_id)
    return 201, cp_visit_record(actor=request.auth, plan=plan, **payload.dict())


@router.post(f"{PLAN}/updates", response={201: s.PlanUpdateOut}, summary="A core group member's update",
             description="Between meetings, optionally about one action (partners: members only).")
def update_create(request, cp_plan_id: int, payload: s.UpdateIn):
    plan, _ = plan_for(request.auth, cp_plan_id)
    action = PlanAction.objects.filter(pk=payload.action_id, plan=plan).first() if payload.action_id else None
    if payload.action_id and action is None:
        raise ValidationError({"action_id": "That action is not in this plan"})
    return 201, plan_update_add(actor=request.auth, plan=plan, text=payload.text, action=action)


@router.post(f"{PLAN}/early-end", response=s.CpPlanOut,
             summary="A service manager decides on a plan waiting to end within 3 months",
             description="Approve (the plan ends on the review's date) or keep it running, with the reasons. "
                         "409 if stale.")
def early_end(request, cp_plan_id: int, payload: s.EarlyEndIn):
    plan, _ = plan_for(request.auth, cp_plan_id)
    return plan_out(plan_early_end_decide(actor=request.auth, plan=plan, approve=payload.approve,
                                          rationale=payload.rationale, expected_version=payload.version))
