"""API for episodes and transfers, through the same services, policy and audit trail as the pages."""

from django.shortcuts import get_object_or_404
from ninja import Router

from lantern.access.policy import child_for, require_permission
from lantern.accounts.models import Team, User
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record

from . import schemas as s
from .models import Episode, Transfer
from .selectors import episode_for
from .services import episode_open, transfer_decide, transfer_propose

router = Router(tags=["Child in need episodes"])


@router.get("/children/{pk}/episodes", response=list[s.EpisodeOut], summary="A child's referrals and episodes")
def episode_list(request, pk: int):
    require_permission(request.auth, "episode.view")
    child, decision = child_for(request.auth, pk)
    audit_record(actor=request.auth, action=Action.VIEW, object_type="episodes", object_id=pk, child_id=pk,
                 detail=f"api; basis: {decision.basis}")
    return list(Episode.objects.filter(child=child))


@router.post("/children/{pk}/episodes", response={201: s.EpisodeOut}, summary="Record a referral",
             description="Opens a child in need episode and starts the assessment clock.")
def episode_create(request, pk: int, payload: s.ReferralIn):
    child, _ = child_for(request.auth, pk, for_change=True)
    return 201, episode_open(actor=request.auth, child=child, **payload.dict())


@router.get("/episodes/{episode_id}", response=s.EpisodeOut, summary="An episode")
def episode_detail(request, episode_id: int):
    episode, decision = episode_for(request.auth, episode_id)
    audit_record(actor=request.auth, action=Action.VIEW, object_type="episode", object_id=episode.pk,
                 child_id=episode.child_id, detail=f"api; basis: {decision.basis}")
    return episode


@router.get("/episodes/{episode_id}/transfers", response=list[s.TransferOut], summary="An episode's transfers")
def transfer_list(request, episode_id: int):
    episode, decision = episode_for(request.auth, episode_id)
    audit_record(actor=request.auth, action=Action.VIEW, object_type="transfers", object_id=episode.pk,
                 child_id=episode.child_id, detail=f"api; basis: {decision.basis}")
    return list(episode.transfers.all())


@router.post("/episodes/{episode_id}/transfers", response={201: s.TransferOut},
             summary="Propose a transfer with the current evaluation of risk")
def transfer_create(request, episode_id: int, payload: s.TransferIn):
    episode, _ = episode_for(request.auth, episode_id, permission="transfer.propose", for_change=True)
    team = get_object_or_404(Team, pk=payload.to_team_id)
    worker = get_object_or_404(User, pk=payload.to_worker_id) if payload.to_worker_id else None
    return 201, transfer_propose(actor=request.auth, episode=episode, to_team=team, to_worker=worker,
                                 transfer_date=payload.transfer_date, summary=payload.summary,
                                 risk_evaluation=payload.risk_evaluation)


@router.post("/transfers/{transfer_id}/decision", response=s.TransferOut, summary="A manager's decision on a transfer")
def transfer_decision(request, transfer_id: int, payload: s.DecisionIn):
    require_permission(request.auth, "transfer.decide")
    transfer = get_object_or_404(Transfer, pk=transfer_id)
    return transfer_decide(actor=request.auth, transfer=transfer, approve=payload.approve, rationale=payload.rationale)
