"""Pages for the child in need plan: start it, read it, add an action, review it, end it."""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from lantern.access.policy import has_permission
from lantern.assessments.models import Assessment
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.cin.audit_types import CIN_PLAN
from lantern.obligations.selectors import record_deadlines
from lantern.service_layer.pages import form_page, saved
from lantern.web.decorators import child_page

from ..chronology import plan_link
from ..forms import ActionForm, PlanEndForm, PlanForm, ReviewForm
from ..models import CinPlan
from ..services import cin_plan_end, cin_plan_start, cin_review_record, plan_action_add

ACTION_FIELDS = ("what", "owner", "due_date", "success_measure")


def _plan(child, plan_id) -> CinPlan:
    return get_object_or_404(CinPlan.objects.select_related("episode", "assessment"), pk=plan_id, child=child)


def _plan_page(request, child, plan, form, title: str, intro: str, submit: str, **extra):
    return form_page(request, form, child=child, plan=plan, title=title, intro=intro, submit=submit,
                     back_url=plan_link(plan), back_text="Back to the plan", **extra)


@child_page(permission="cin_plan.edit", for_change=True)
def plan_create(request, child, decision, assessment_id: int):
    assessment = get_object_or_404(Assessment.objects.select_related("episode"), pk=assessment_id, child=child)
    form = PlanForm(request.POST if request.method == "POST" else None, initial={"start_date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        done = saved(request, form, lambda d: cin_plan_start(
            actor=request.user, assessment=assessment, start_date=d["start_date"], outcomes=d["outcomes"],
            late_reason=d["late_reason"], actions=[{k: d[k] for k in ACTION_FIELDS}]),
            "The child in need plan was started. Add the plan's other actions.", plan_link)
        if done:
            return done
    return form_page(request, form, child=child, title="Start the child in need plan", submit="Start the plan",
                     intro="Start with what must change and the first action. Every action says what, who, by when, "
                           "and how we will know it worked; you can add more once the plan has started.",
                     back_url=f"/children/{child.pk}/assessments/{assessment.pk}/", back_text="Back to the assessment")


@child_page(permission="episode.view")
def plan_detail(request, child, decision, plan_id: int):
    plan = _plan(child, plan_id)
    audit_record(actor=request.user, action=Action.VIEW, object_type=CIN_PLAN, object_id=plan.pk, child_id=child.pk,
                 detail=f"plan; basis: {decision.basis}")
    today = timezone.localdate()
    deadlines = record_deadlines(child, today=today, link=plan_link(plan))
    reviews = list(plan.reviews.prefetch_related("progress__action").select_related("recorded_by"))
    return render(request, "cin/plan_detail.html", {
        "child": child, "plan": plan, "actions": list(plan.actions.all()), "reviews": reviews,
        "deadlines": deadlines, "can_edit": plan.is_open and has_permission(request.user, "cin_plan.edit"),
        "can_end": plan.is_open and has_permission(request.user, "cin_plan.end")})


@child_page(permission="cin_plan.edit", for_change=True)
def action_create(request, child, decision, plan_id: int):
    plan = _plan(child, plan_id)
    form = ActionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        done = saved(request, form, lambda d: plan_action_add(actor=request.user, plan=plan, **{
            k: d[k] for k in ACTION_FIELDS}), "The action was added", plan_link(plan))
        if done:
            return done
    return _plan_page(request, child, plan, form, "Add an action to the plan",
                      "Every action needs a named person or agency and a date.", "Add the action")


@child_page(permission="cin_plan.edit", for_change=True)
def review_create(request, child, decision, plan_id: int):
    plan = _plan(child, plan_id)
    form = ReviewForm(request.POST if request.method == "POST" else None, actions=list(plan.actions.all()),
                      initial={"review_date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        done = saved(request, form, lambda d: cin_review_record(
            actor=request.user, plan=plan, review_date=d["review_date"], child_views=d["child_views"],
            progress_summary=d["progress_summary"], progress=form.progress(), late_reason=d["late_reason"]),
            "The review was recorded", plan_link(plan))
        if done:
            return done
    return _plan_page(request, child, plan, form, "Review the child in need plan",
                      "Record the child's views, the progress on every action, and what has changed.",
                      "Record the review", template="cin/review_form.html")


@child_page(permission="cin_plan.end", for_change=True)
def plan_end(request, child, decision, plan_id: int):
    plan = _plan(child, plan_id)
    form = PlanEndForm(request.POST if request.method == "POST" else None, initial={"end_date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        done = saved(request, form, lambda d: cin_plan_end(actor=request.user, plan=plan, end_date=d["end_date"],
                                                            reason=d["reason"]), "The plan was ended", plan_link(plan))
        if done:
            return done
    return _plan_page(request, child, plan, form, "End the child in need plan",
                      "To close the episode as well, propose its closure from the episode page.", "End the plan")
