"""API for visits, through the same services, policy and audit trail as the pages."""

from ninja import Router

from lantern.access.policy import child_for, require_permission
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.referrals.selectors import episode_for

from . import schemas as s
from .models import Visit
from .services import visit_record

router = Router(tags=["Statutory visits"])


@router.get("/children/{pk}/visits", response=list[s.VisitOut], summary="A child's visits")
def visit_list(request, pk: int):
    require_permission(request.auth, "episode.view")
    child, decision = child_for(request.auth, pk)
    audit_record(actor=request.auth, action=Action.VIEW, object_type="visits", object_id=pk, child_id=pk,
                 detail=f"api; basis: {decision.basis}")
    return list(Visit.objects.filter(child=child))


@router.post("/episodes/{episode_id}/visits", response={201: s.VisitOut}, summary="Record a visit")
def visit_create(request, episode_id: int, payload: s.VisitIn):
    episode, _ = episode_for(request.auth, episode_id, permission="visit.record", for_change=True)
    return 201, visit_record(actor=request.auth, episode=episode, **payload.dict())
