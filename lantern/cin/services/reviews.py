"""Recording a child in need plan review: the child's views, overall progress, and progress on
every action. The next review falls due from this one's date (rule ``cin_review``)."""

from collections.abc import Mapping
from datetime import date

from django.db.models import F
from django.utils import timezone

from lantern.access.policy import child_for, require_permission
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.audit_log.transactions import atomic
from lantern.casework.records import progress_rows
from lantern.cin.audit_types import CIN_REVIEW
from lantern.obligations.late import require_late_reason
from lantern.service_layer.errors import raise_if, required_text

from ..models import ActionProgress, CinPlan, PlanReview
from .common import sync_plan_obligations

REVIEW_SOURCE = "cin.plan"


@atomic
def cin_review_record(*, actor, plan: CinPlan, review_date: date, child_views: str, progress_summary: str,
                      progress: Mapping, late_reason: str = "") -> PlanReview:
    require_permission(actor, "cin_plan.edit")
    child, _ = child_for(actor, plan.child_id, for_change=True)
    plan = CinPlan.objects.select_for_update().get(pk=plan.pk)
    errors: dict[str, str] = {}
    required_text(child_views, "child_views", "Enter the child's views", errors)
    required_text(progress_summary, "progress_summary", "Enter the overall progress", errors)
    if review_date < plan.start_date:
        errors["review_date"] = "The review cannot be before the plan started"
    elif review_date > timezone.localdate():
        errors["review_date"] = "The review date cannot be in the future"
    elif plan.end_date and review_date > plan.end_date:
        errors["review_date"] = "The plan had ended by this date"
    rows = progress_rows(plan.actions.all(), progress, errors, ActionProgress)
    raise_if(errors)
    occurrence = plan.reviews.filter(review_date__lt=review_date).count() + 1
    require_late_reason(source_key=REVIEW_SOURCE, source_id=plan.pk, rule_id="cin_review", occurrence=occurrence,
                        met_on=review_date, reason=late_reason)
    review = PlanReview.objects.create(plan=plan, child=child, review_date=review_date, child_views=child_views.strip(),
                                       progress_summary=progress_summary.strip(), late_reason=late_reason.strip(),
                                       recorded_by=actor)
    for row in rows:
        row.review = review
    ActionProgress.objects.bulk_create(rows)
    CinPlan.objects.filter(pk=plan.pk).update(version=F("version") + 1)
    audit_record(actor=actor, action=Action.CREATE, object_type=CIN_REVIEW, object_id=review.pk, child_id=child.pk,
                 changes={"plan": [None, plan.pk], "review_date": [None, review_date.isoformat()],
                          "progress": {str(r.action_id): r.status for r in rows}})
    sync_plan_obligations([plan.pk])
    return review
