"""API for plans, reviews and closures, through the same services, policy and audit trail as the pages."""

from django.shortcuts import get_object_or_404
from ninja import Router

from lantern.access.policy import OutOfReach, child_for, require_permission
from lantern.accounts.models import Team
from lantern.assessments.selectors import assessment_for
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.referrals.schemas import DecisionIn
from lantern.referrals.selectors import episode_for

from . import schemas as s
from .models import CinPlan, Closure
from .services import (
    cin_plan_end,
    cin_plan_start,
    cin_review_record,
    closure_decide,
    closure_propose,
    plan_action_add,
    step_down_respond,
)

router = Router(tags=["Child in need plans, reviews and closure"])


def _plan_for(request, plan_id: int, permission: str = "episode.view", for_change: bool = False):
    require_permission(request.auth, permission)
    plan = CinPlan.objects.filter(pk=plan_id).first()
    if plan is None:
        raise OutOfReach("No plan you can see has that ID")
    _, decision = child_for(request.auth, plan.child_id, for_change=for_change)
    return plan, decision


def _plan_out(plan) -> dict:
    return {**{f: getattr(plan, f) for f in s.PlanOut.model_fields if f != "actions"},
            "actions": list(plan.actions.all())}


@router.post("/assessments/{assessment_id}/plans", response={201: s.PlanOut}, summary="Start the child in need plan")
def plan_create(request, assessment_id: int, payload: s.PlanIn):
    assessment, _ = assessment_for(request.auth, assessment_id, permission="cin_plan.edit", for_change=True)
    plan = cin_plan_start(actor=request.auth, assessment=assessment, start_date=payload.start_date,
                          outcomes=payload.outcomes, late_reason=payload.late_reason,
                          actions=[a.dict() for a in payload.actions])
    return 201, _plan_out(plan)


@router.get("/plans/{plan_id}", response=s.PlanOut, summary="A child in need plan")
def plan_detail(request, plan_id: int):
    plan, decision = _plan_for(request, plan_id)
    audit_record(actor=request.auth, action=Action.VIEW, object_type="cin_plan", object_id=plan.pk,
                 child_id=plan.child_id, detail=f"api; basis: {decision.basis}")
    return _plan_out(plan)


@router.post("/plans/{plan_id}/actions", response={201: s.ActionOut}, summary="Add an action")
def action_create(request, plan_id: int, payload: s.ActionIn):
    plan, _ = _plan_for(request, plan_id, "cin_plan.edit", for_change=True)
    return 201, plan_action_add(actor=request.auth, plan=plan, **payload.dict())


@router.get("/plans/{plan_id}/reviews", response=list[s.ReviewOut], summary="A plan's reviews")
def review_list(request, plan_id: int):
    plan, decision = _plan_for(request, plan_id)
    audit_record(actor=request.auth, action=Action.VIEW, object_type="cin_reviews", object_id=plan.pk,
                 child_id=plan.child_id, detail=f"api; basis: {decision.basis}")
    return list(plan.reviews.all())


@router.post("/plans/{plan_id}/reviews", response={201: s.ReviewOut}, summary="Record a review")
def review_create(request, plan_id: int, payload: s.ReviewIn):
    plan, _ = _plan_for(request, plan_id, "cin_plan.edit", for_change=True)
    progress = {p.action_id: {"status": p.status, "note": p.note} for p in payload.progress}
    return 201, cin_review_record(actor=request.auth, plan=plan, review_date=payload.review_date,
                                  child_views=payload.child_views, progress_summary=payload.progress_summary,
                                  progress=progress, late_reason=payload.late_reason)


@router.post("/plans/{plan_id}/end", response=s.PlanOut, summary="End a plan")
def plan_end(request, plan_id: int, payload: s.PlanEndIn):
    plan, _ = _plan_for(request, plan_id, "cin_plan.end", for_change=True)
    return _plan_out(cin_plan_end(actor=request.auth, plan=plan, end_date=payload.end_date, reason=payload.reason))


@router.get("/episodes/{episode_id}/closures", response=list[s.ClosureOut], summary="An episode's closure proposals")
def closure_list(request, episode_id: int):
    episode, decision = episode_for(request.auth, episode_id)
    audit_record(actor=request.auth, action=Action.VIEW, object_type="closures", object_id=episode.pk,
                 child_id=episode.child_id, detail=f"api; basis: {decision.basis}")
    return list(episode.closures.all())


@router.post("/episodes/{episode_id}/closures", response={201: s.ClosureOut},
             summary="Propose closure or a step-down, with the evaluation of risk")
def closure_create(request, episode_id: int, payload: s.ClosureIn):
    episode, _ = episode_for(request.auth, episode_id, permission="closure.propose", for_change=True)
    team = get_object_or_404(Team, pk=payload.early_help_team_id) if payload.early_help_team_id else None
    data = payload.dict(exclude={"early_help_team_id"})
    return 201, closure_propose(actor=request.auth, episode=episode, early_help_team=team, **data)


@router.post("/closures/{closure_id}/early-help", response=s.ClosureOut, summary="Early help answers a step-down")
def step_down_answer(request, closure_id: int, payload: s.StepDownAnswerIn):
    require_permission(request.auth, "step_down.respond")
    closure = get_object_or_404(Closure, pk=closure_id)
    return step_down_respond(actor=request.auth, closure=closure, accepted=payload.accepted, note=payload.note)


@router.post("/closures/{closure_id}/decision", response=s.ClosureOut, summary="A manager decides a closure")
def closure_decision(request, closure_id: int, payload: DecisionIn):
    require_permission(request.auth, "closure.decide")
    closure = get_object_or_404(Closure, pk=closure_id)
    return closure_decide(actor=request.auth, closure=closure, approve=payload.approve, rationale=payload.rationale)
