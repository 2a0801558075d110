"""Working the child protection plan through the API."""

from django.shortcuts import get_object_or_404

from .. import schemas as s
from ..models import PlanAction
from ..selectors import plan_for
from ..services import core_group_record, cp_visit_record, plan_action_add, plan_early_end_decide, plan_update_add
from .router import router
from .shapes import plan_out


@router.post("/cp-plans/{record_id}/actions", response={201: s.CpActionOut}, summary="Add an action to the plan")
def action_create(request, record_id: int, payload: s.CpActionIn):
    plan, _ = plan_for(request.auth, record_id)
    return 201, plan_action_add(actor=request.auth, plan=plan, **payload.dict())


@router.post("/cp-plans/{record_id}/core-groups", response={201: s.CreatedOut}, summary="Record a core group")
def core_group_create(request, record_id: int, payload: s.CoreGroupIn):
    plan, _ = plan_for(request.auth, record_id)
    progress = {p.action_id: {"status": p.status, "note": p.note} for p in payload.progress}
    return 201, core_group_record(actor=request.auth, plan=plan, held_on=payload.held_on, summary=payload.summary,
                                  attendee_ids=payload.attendee_ids, progress=progress,
                                  late_reason=payload.late_reason)


@router.post("/cp-plans/{record_id}/visits", response={201: s.CreatedOut}, summary="Record a child protection visit")
def visit_create(request, record_id: int, payload: s.CpVisitIn):
    plan, _ = plan_for(request.auth, record_id)
    return 201, cp_visit_record(actor=request.auth, plan=plan, **payload.dict())


@router.post("/cp-plans/{record_id}/updates", response={201: s.CreatedOut},
             summary="A core group member's update (partners: members only)")
def update_create(request, record_id: int, payload: s.UpdateIn):
    plan, _ = plan_for(request.auth, record_id)
    action = get_object_or_404(PlanAction, pk=payload.action_id, plan=plan) if payload.action_id else None
    return 201, plan_update_add(actor=request.auth, plan=plan, text=payload.text, action=action)


@router.post("/cp-plans/{record_id}/early-end", response=s.CpPlanOut,
             summary="A service manager decides on a plan waiting to end within 3 months (409 if stale)")
def early_end(request, record_id: int, payload: s.EarlyEndIn):
    plan, _ = plan_for(request.auth, record_id)
    return plan_out(plan_early_end_decide(actor=request.auth, plan=plan, approve=payload.approve,
                                          rationale=payload.rationale, expected_version=payload.version))
