"""Closing an episode or stepping down to early help: proposals, early help's answer, and a manager's
decision."""

from django.db.models import Q
from django.shortcuts import get_object_or_404
from ninja import Query

from lantern.access.policy import OutOfReach, require_permission, visible_children
from lantern.accounts.models import Team
from lantern.api.paging import PageQuery, choice, page_of, paged_query
from lantern.api.schema import Text
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.cin.audit_types import CLOSURE, CLOSURES
from lantern.referrals.schemas import DecisionIn
from lantern.referrals.selectors import episode_for

from .. import schemas as s
from ..models import Closure
from ..services import closure_decide, closure_propose, step_down_respond
from .router import router

STATUSES = ", ".join(Closure.Status.values)


@router.get("/episodes/{episode_id}/closures", response=page_of(s.ClosureOut),
            summary="An episode's closure proposals", description=f"Latest first; status= one of {STATUSES}.")
def closure_list(request, episode_id: int, paging: Query[PageQuery], status: Text | None = None):
    episode, decision = episode_for(request.auth, episode_id)
    audit_record(actor=request.auth, action=Action.VIEW, object_type=CLOSURES, object_id=episode.pk,
                 child_id=episode.child_id, detail=f"api; basis: {decision.basis}")
    rows = episode.closures.all()
    if choice("status", status, Closure.Status.values):
        rows = rows.filter(status=status)
    return paged_query(rows, paging, order=("-proposed_at", "-pk")).out()


@router.post("/episodes/{episode_id}/closures", response={201: s.ClosureOut},
             summary="Propose closure or a step-down, with the evaluation of risk",
             description="A step-down names the early help team and the day the family was told; a manager "
                         "decides, after early help accepts a step-down.")
def closure_create(request, episode_id: int, payload: s.ClosureIn):
    episode, _ = episode_for(request.auth, episode_id, permission="closure.propose", for_change=True)
    team = get_object_or_404(Team, pk=payload.early_help_team_id) if payload.early_help_team_id else None
    data = payload.dict(exclude={"early_help_team_id"})
    return 201, closure_propose(actor=request.auth, episode=episode, early_help_team=team, **data)


def _closure(request, closure_id: int) -> Closure:
    closure = Closure.objects.filter(pk=closure_id).first()
    if closure is None:
        raise OutOfReach("No closure you can see has that ID")
    return closure


@router.get("/closures/{closure_id}", response=s.ClosureOut, summary="A closure or step-down",
            description="The proposal, early help's answer to a step-down, and the manager's decision.")
def closure_detail(request, closure_id: int):
    closure = _closure(request, closure_id)
    _, decision = episode_for(request.auth, closure.episode_id)
    audit_record(actor=request.auth, action=Action.VIEW, object_type=CLOSURE, object_id=closure.pk,
                 child_id=closure.child_id, detail=f"api; basis: {decision.basis}")
    return closure


@router.get("/step-downs", response=page_of(s.ClosureOut), summary="Step-downs waiting for your early help team",
            description="Oldest first, as a queue: answer each with POST /api/v1/closures/{closure_id}/early-help.")
def step_down_list(request, paging: Query[PageQuery]):
    require_permission(request.auth, "step_down.respond")
    rows = (Closure.objects.filter(status=Closure.Status.AWAITING_EARLY_HELP, early_help_team_id=request.auth.team_id)
            .filter(Q(child__is_restricted=False) | Q(child__in=visible_children(request.auth))))
    page = paged_query(rows, paging, order=("proposed_at", "pk"))
    audit_record(actor=request.auth, action=Action.LIST, object_type=CLOSURE,
                 children=[c.child_id for c in page.items], detail=f"api; step-downs; {len(page.items)} shown")
    return page.out()


@router.post("/closures/{closure_id}/early-help", response=s.ClosureOut, summary="Early help answers a step-down",
             description="Accept it, or decline it with a note; the child's social worker and manager are told.")
def step_down_answer(request, closure_id: int, payload: s.StepDownAnswerIn):
    require_permission(request.auth, "step_down.respond")
    closure = _closure(request, closure_id)
    return step_down_respond(actor=request.auth, closure=closure, accepted=payload.accepted, note=payload.note)


@router.post("/closures/{closure_id}/decision", response=s.ClosureOut, summary="A manager decides a closure",
             description="Approve (the episode closes) or decline, with the reasons.")
def closure_decision(request, closure_id: int, payload: DecisionIn):
    require_permission(request.auth, "closure.decide")
    closure = _closure(request, closure_id)
    return closure_decide(actor=request.auth, closure=closure, approve=payload.approve, rationale=payload.rationale)
