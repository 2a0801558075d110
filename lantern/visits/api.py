"""API for child in need visits, through the same services, policy and audit trail as the pages."""

from ninja import Query, Router

from lantern.access.policy import OutOfReach, child_for, require_permission
from lantern.api.paging import DateRange, PageQuery, choice, page_of, paged_query
from lantern.api.schema import Text
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.referrals.selectors import episode_for
from lantern.visits.audit_types import VISIT, VISITS

from . import schemas as s
from .models import Visit, VisitKind
from .services import visit_record

router = Router(tags=["Statutory visits"])


@router.get("/children/{child_id}/visits", response=page_of(s.VisitOut), summary="A child's visits",
            description=f"Latest first; kind= one of {', '.join(VisitKind.values)}; from= and to= on the visit "
                        "date. Child protection visits are under their plan "
                        "(GET /api/v1/cp-plans/{cp_plan_id}/cp-visits).")
def visit_list(request, child_id: int, paging: Query[PageQuery], dates: Query[DateRange], kind: Text | None = None):
    require_permission(request.auth, "episode.view")
    child, decision = child_for(request.auth, child_id)
    audit_record(actor=request.auth, action=Action.VIEW, object_type=VISITS, object_id=child_id, child_id=child_id,
                 detail=f"api; basis: {decision.basis}")
    rows = dates.apply(Visit.objects.filter(child=child), "visit_date")
    if choice("kind", kind, VisitKind.values):
        rows = rows.filter(kind=kind)
    return paged_query(rows, paging, order=("-visit_date", "-pk")).out()


@router.get("/visits/{visit_id}", response=s.VisitOut, summary="A visit",
            description="Whether the child was seen, and seen alone, or why not; their words; what was seen.")
def visit_detail(request, visit_id: int):
    require_permission(request.auth, "episode.view")
    visit = Visit.objects.filter(pk=visit_id).first()
    if visit is None:
        raise OutOfReach("No visit you can see has that ID")
    _, decision = child_for(request.auth, visit.child_id)
    audit_record(actor=request.auth, action=Action.VIEW, object_type=VISIT, object_id=visit.pk,
                 child_id=visit.child_id, detail=f"api; basis: {decision.basis}")
    return visit


@router.post("/episodes/{episode_id}/visits", response={201: s.VisitOut}, summary="Record a visit",
             description="Whether the child was seen, and seen alone (or why not), and their words. A late child in "
                         "need visit needs a late_reason.")
def visit_create(request, episode_id: int, payload: s.VisitIn):
    episode, _ = episode_for(request.auth, episode_id, permission="visit.record", for_change=True)
    return 201, visit_record(actor=request.auth, episode=episode, **payload.dict())
