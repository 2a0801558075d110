"""API for episodes and transfers, through the same services, policy and audit trail as the pages."""

from django.shortcuts import get_object_or_404
from ninja import Query, Router

from lantern.access.policy import OutOfReach, child_for, require_permission
from lantern.accounts.models import Team, User
from lantern.api.paging import DateRange, PageQuery, choice, page_of, paged_query
from lantern.api.schema import Text
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.referrals.audit_types import EPISODE, EPISODES, TRANSFER, TRANSFERS

from . import schemas as s
from .models import Episode, Transfer, TransferStatus
from .selectors import episode_for
from .services import episode_open, transfer_decide, transfer_propose

router = Router(tags=["Child in need episodes"])


def _audited(request, found: tuple, object_type: str):
    """The record of a selector's (record, decision), once its read is in the audit trail."""
    record, decision = found
    audit_record(actor=request.auth, action=Action.VIEW, object_type=object_type, object_id=record.pk,
                 child_id=record.child_id, detail=f"api; basis: {decision.basis}")
    return record


@router.get("/children/{child_id}/episodes", response=page_of(s.EpisodeOut), summary="A child's referrals and episodes",
            description="Latest referral first; status=open or closed; from= and to= on the referral date.")
def episode_list(request, child_id: int, paging: Query[PageQuery], dates: Query[DateRange],
                 status: Text | None = None):
    require_permission(request.auth, "episode.view")
    child, decision = child_for(request.auth, child_id)
    audit_record(actor=request.auth, action=Action.VIEW, object_type=EPISODES, object_id=child_id,
                 child_id=child_id, detail=f"api; basis: {decision.basis}")
    rows = dates.apply(Episode.objects.filter(child=child), "referral_date")
    if choice("status", status, ("open", "closed")):
        rows = rows.filter(closure_date__isnull=status == "open")
    return paged_query(rows, paging, order=("-referral_date", "-pk")).out()


@router.post("/children/{child_id}/episodes", response={201: s.EpisodeOut}, summary="Record a referral",
             description="Opens a child in need episode and starts the assessment clock.")
def episode_create(request, child_id: int, payload: s.ReferralIn):
    child, _ = child_for(request.auth, child_id, for_change=True)
    return 201, episode_open(actor=request.auth, child=child, **payload.dict())


@router.get("/episodes/{episode_id}", response=s.EpisodeOut, summary="An episode",
            description="From referral to closure, with who holds it.")
def episode_detail(request, episode_id: int):
    return _audited(request, episode_for(request.auth, episode_id), EPISODE)


@router.get("/episodes/{episode_id}/transfers", response=page_of(s.TransferOut), summary="An episode's transfers",
            description=f"Latest transfer date first; status= one of {', '.join(TransferStatus.values)}.")
def transfer_list(request, episode_id: int, paging: Query[PageQuery], status: Text | None = None):
    episode = _audited(request, episode_for(request.auth, episode_id), TRANSFERS)
    rows = episode.transfers.all()
    if choice("status", status, TransferStatus.values):
        rows = rows.filter(status=status)
    return paged_query(rows, paging, order=("-transfer_date", "-pk")).out()


@router.get("/transfers/{transfer_id}", response=s.TransferOut, summary="A transfer",
            description="The proposal, with the evaluation of risk, and the manager's decision.")
def transfer_detail(request, transfer_id: int):
    transfer = Transfer.objects.filter(pk=transfer_id).first()
    if transfer is None:
        raise OutOfReach("No transfer you can see has that ID")
    _, decision = episode_for(request.auth, transfer.episode_id)
    return _audited(request, (transfer, decision), TRANSFER)


@router.post("/episodes/{episode_id}/transfers", response={201: s.TransferOut},
             summary="Propose a transfer with the current evaluation of risk",
             description="To a team and, optionally, a worker of that team; a manager decides.")
def transfer_create(request, episode_id: int, payload: s.TransferIn):
    episode, _ = episode_for(request.auth, episode_id, permission="transfer.propose", for_change=True)
    team = get_object_or_404(Team, pk=payload.to_team_id)
    worker = get_object_or_404(User, pk=payload.to_worker_id) if payload.to_worker_id else None
    return 201, transfer_propose(actor=request.auth, episode=episode, to_team=team, to_worker=worker,
                                 transfer_date=payload.transfer_date, summary=payload.summary,
                                 risk_evaluation=payload.risk_evaluation)


@router.post("/transfers/{transfer_id}/decision", response=s.TransferOut, summary="A manager's decision on a transfer",
             description="Approve (the allocation changes from the transfer date) or decline, with the reasons.")
def transfer_decision(request, transfer_id: int, payload: s.DecisionIn):
    require_permission(request.auth, "transfer.decide")
    transfer = get_object_or_404(Transfer, pk=transfer_id)
    return transfer_decide(actor=request.auth, transfer=transfer, approve=payload.approve, rationale=payload.rationale)
