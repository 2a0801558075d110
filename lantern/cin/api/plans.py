"""Child in need plans, their actions and reviews."""

from django.db.models import Prefetch
from ninja import Query

from lantern.access.policy import OutOfReach, child_for, require_permission
from lantern.api.paging import DateRange, PageQuery, choice, page_of, paged_query
from lantern.api.schema import Text
from lantern.assessments.selectors import assessment_for
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.cin.audit_types import CIN_PLAN, CIN_PLANS, CIN_REVIEW, CIN_REVIEWS

from .. import schemas as s
from ..models import ActionProgress, CinPlan, PlanReview
from ..services import cin_plan_end, cin_plan_start, cin_review_record, plan_action_add
from .router import router
from .shapes import plan_out, review_out

PLAN = "/cin-plans/{cin_plan_id}"
REVIEWS = PlanReview.objects.prefetch_related(Prefetch("progress", queryset=ActionProgress.objects.order_by("pk")))


def _plan_for(request, cin_plan_id: int, permission: str = "episode.view", for_change: bool = False):
    require_permission(request.auth, permission)
    plan = CinPlan.objects.filter(pk=cin_plan_id).first()
    if plan is None:
        raise OutOfReach("No plan you can see has that ID")
    _, decision = child_for(request.auth, plan.child_id, for_change=for_change)
    return plan, decision


def _audit(request, plan, decision, object_type: str, object_id=None) -> None:
    audit_record(actor=request.auth, action=Action.VIEW, object_type=object_type,
                 object_id=plan.pk if object_id is None else object_id, child_id=plan.child_id,
                 detail=f"api; basis: {decision.basis}")


@router.post("/assessments/{assessment_id}/cin-plans", response={201: s.CinPlanOut},
             summary="Start the child in need plan",
             description="After an authorised assessment that concluded the child needs one: what must change, "
                         "and the actions (what, who, by when, how we will know). Late needs a late_reason.")
def plan_create(request, assessment_id: int, payload: s.PlanIn):
    assessment, _ = assessment_for(request.auth, assessment_id, permission="cin_plan.edit", for_change=True)
    plan = cin_plan_start(actor=request.auth, assessment=assessment, start_date=payload.start_date,
                          outcomes=payload.outcomes, late_reason=payload.late_reason,
                          actions=[a.dict() for a in payload.actions])
    return 201, plan_out(plan)


@router.get("/children/{child_id}/cin-plans", response=page_of(s.CinPlanOut), summary="A child's child in need plans",
            description="Latest started first; status=open or ended; from= and to= on the start date.")
def plan_list(request, child_id: int, paging: Query[PageQuery], dates: Query[DateRange], status: Text | None = None):
    require_permission(request.auth, "episode.view")
    child, decision = child_for(request.auth, child_id)
    rows = dates.apply(CinPlan.objects.filter(child=child).prefetch_related("actions"), "start_date")
    if choice("status", status, ("open", "ended")):
        rows = rows.filter(end_date__isnull=status == "open")
    audit_record(actor=request.auth, action=Action.VIEW, object_type=CIN_PLANS, object_id=child.pk,
                 child_id=child.pk, detail=f"api; basis: {decision.basis}")
    return paged_query(rows, paging, order=("-start_date", "-pk")).out(plan_out)


@router.get(PLAN, response=s.CinPlanOut, summary="A child in need plan",
            description="What must change for the child, and its actions.")
def plan_detail(request, cin_plan_id: int):
    plan, decision = _plan_for(request, cin_plan_id)
    _audit(request, plan, decision, CIN_PLAN)
    return plan_out(plan)


@router.post(f"{PLAN}/actions", response={201: s.ActionOut}, summary="Add an action",
             description="What, who (a named person or agency), by when, and how we will know it worked.")
def action_create(request, cin_plan_id: int, payload: s.ActionIn):
    plan, _ = _plan_for(request, cin_plan_id, "cin_plan.edit", for_change=True)
    return 201, plan_action_add(actor=request.auth, plan=plan, **payload.dict())


@router.get(f"{PLAN}/cin-reviews", response=page_of(s.ReviewOut), summary="A plan's reviews",
            description="Latest first, each with the progress on every action; from= and to= on the review date.")
def review_list(request, cin_plan_id: int, paging: Query[PageQuery], dates: Query[DateRange]):
    plan, decision = _plan_for(request, cin_plan_id)
    _audit(request, plan, decision, CIN_REVIEWS)
    rows = dates.apply(REVIEWS.filter(plan=plan), "review_date")
    return paged_query(rows, paging, order=("-review_date", "-pk")).out(review_out)


@router.get("/cin-reviews/{cin_review_id}", response=s.ReviewOut, summary="A child in need plan review",
            description="The child's views, overall progress, and progress on every action.")
def review_detail(request, cin_review_id: int):
    review = REVIEWS.filter(pk=cin_review_id).first()
    if review is None:
        raise OutOfReach("No review you can see has that ID")
    plan, decision = _plan_for(request, review.plan_id)
    _audit(request, plan, decision, CIN_REVIEW, object_id=review.pk)
    return review_out(review)


@router.post(f"{PLAN}/cin-reviews", response={201: s.ReviewOut}, summary="Record a review",
             description="The child's views, overall progress, and progress on every action keyed by the action's "
                         "id. Late needs a late_reason.")
def review_create(request, cin_plan_id: int, payload: s.ReviewIn):
    plan, _ = _plan_for(request, cin_plan_id, "cin_plan.edit", for_change=True)
    progress = {action_id: answer.dict() for action_id, answer in payload.progress.items()}
    review = cin_review_record(actor=request.auth, plan=plan, review_date=payload.review_date,
                               child_views=payload.child_views, progress_summary=payload.progress_summary,
                               progress=progress, late_reason=payload.late_reason)
    return 201, review_out(REVIEWS.get(pk=review.pk))


@router.post(f"{PLAN}/end", response=s.CinPlanOut, summary="End a plan",
             description="The day it ends and why; not before its last review.")
def plan_end(request, cin_plan_id: int, payload: s.PlanEndIn):
    plan, _ = _plan_for(request, cin_plan_id, "cin_plan.end", for_change=True)
    return plan_out(cin_plan_end(actor=request.auth, plan=plan, end_date=payload.end_date, reason=payload.reason))
