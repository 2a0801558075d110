"""Pages for the child protection plan: reading it, actions, core group members and meetings,
visits, partners' updates, and the service manager's decision on an early end."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone

from lantern.access.policy import has_permission
from lantern.obligations.selectors import record_deadlines
from lantern.protection.audit_types import CP_PLAN
from lantern.revisions.selectors import earlier_versions
from lantern.service_layer.pages import form_page, saved
from lantern.web.decorators import child_page

from ..forms import ActionForm, CoreGroupForm, EarlyEndForm, MemberForm, UpdateForm, VisitForm
from ..forms.strategy import agency_queryset
from ..links import plan_link
from ..models import CpPlan
from ..policies import core_group, is_partner
from ..services import (
    core_group_member_add,
    core_group_record,
    cp_visit_record,
    plan_action_add,
    plan_early_end_decide,
    plan_update_add,
)
from .common import audit_view, posted, record_of

PLANS = CpPlan.objects.select_related("episode", "conference", "pending_end", "ended_by", "early_end_approved_by")


def plan_of(request, child, record_id: int) -> CpPlan:
    return record_of(core_group.plans_visible(request.user, PLANS), child, record_id)


def _back(plan) -> dict:
    return {"back_url": plan_link(plan), "back_text": "Back to the plan"}


@child_page(permission="protection.view")
def plan_detail(request, child, decision, record_id: int):
    plan = plan_of(request, child, record_id)
    audit_view(request, child, decision, CP_PLAN, plan.pk)
    user = request.user
    open_ = plan.is_open and not plan.pending_end_id
    # Each action with its latest progress, from the last core group or review that looked at it.
    actions = [(action, max(action.progress.all(), key=lambda p: p.pk, default=None))
               for action in plan.actions.prefetch_related("progress")]
    return render(request, "protection/plan_detail.html", {
        "child": child, "plan": plan, "partner": is_partner(user),
        "revisions": earlier_versions("cp_plan", plan.pk),
        "deadlines": [] if is_partner(user) else record_deadlines(child, link=plan_link(plan)),
        "actions": actions,
        "members": list(plan.members.select_related("agency")),
        "core_groups": list(plan.core_groups.prefetch_related("attendees", "progress__action")),
        "visits": [] if is_partner(user) else list(plan.visits.select_related("visited_by")),
        "reviews": list(plan.review_conferences.order_by("conference_date")),
        "updates": list(plan.updates.select_related("author", "action")),
        "earlier_plans": list(CpPlan.objects.filter(child=child, start_date__lt=plan.start_date)
                              .order_by("start_date")),
        "can_edit": open_ and has_permission(user, "cp_plan.edit"),
        "can_visit": open_ and has_permission(user, "cp_visit.record"),
        "can_arrange": open_ and has_permission(user, "conference.arrange")
        and not plan.review_conferences.filter(decision="", cancelled_on__isnull=True).exists(),
        "can_update": plan.is_open and has_permission(user, "cp_plan.contribute") and (
            not is_partner(user) or core_group.is_member(user, plan)),
        "can_end_early": plan.pending_end_id and has_permission(user, "cp_plan.end_early")})


@child_page(permission="cp_plan.edit")
def plan_action_page(request, child, decision, record_id: int):
    plan = plan_of(request, child, record_id)
    form = ActionForm(posted(request))
    if request.method == "POST" and form.is_valid():
        done = saved(request, form, lambda d: plan_action_add(actor=request.user, plan=plan, **form.action()),
                     "The action was added", plan_link(plan))
        if done:
            return done
    return form_page(request, form, child=child, title="Add an action to the plan", submit="Add the action",
                     intro="Every action says what, who, by when, and how we will know it worked.", **_back(plan))


@child_page(permission="cp_plan.edit")
def plan_member_page(request, child, decision, record_id: int):
    plan = plan_of(request, child, record_id)
    form = MemberForm(posted(request), agencies=agency_queryset())
    if request.method == "POST" and form.is_valid():
        done = saved(request, form, lambda d: core_group_member_add(actor=request.user, plan=plan, **d),
                     "The member was added to the core group", plan_link(plan))
        if done:
            return done
    return form_page(request, form, child=child,
                     title="Add a core group member", submit="Add the member", **_back(plan))


@child_page(permission="cp_plan.edit")
def core_group_page(request, child, decision, record_id: int):
    plan = plan_of(request, child, record_id)
    form = CoreGroupForm(posted(request), members=list(plan.members.filter(left_on__isnull=True)),
                         actions=list(plan.actions.all()), initial={"held_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        done = saved(request, form, lambda d: core_group_record(
            actor=request.user, plan=plan, held_on=d["held_on"], summary=d["summary"], attendee_ids=d["attendees"],
            progress=form.progress(), late_reason=d["late_reason"]), "The core group was recorded", plan_link(plan))
        if done:
            return done
    return form_page(request, form, child=child, title="Record a core group meeting", submit="Record the core group",
                     template="protection/core_group_form.html", **_back(plan))


@child_page(permission="cp_visit.record")
def cp_visit_page(request, child, decision, record_id: int):
    plan = plan_of(request, child, record_id)
    form = VisitForm(posted(request), initial={"visit_date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        done = saved(request, form, lambda d: cp_visit_record(actor=request.user, plan=plan, **d),
                     "The visit was recorded", plan_link(plan))
        if done:
            return done
    return form_page(request, form, child=child, title="Record a child protection visit", submit="Record the visit",
                     **_back(plan))


@child_page(permission="cp_plan.contribute")
def plan_update_page(request, child, decision, record_id: int):
    plan = plan_of(request, child, record_id)
    if is_partner(request.user) and not core_group.is_member(request.user, plan):
        raise PermissionDenied("Only members of the core group add updates")
    form = UpdateForm(posted(request), actions=plan.actions.all())
    if request.method == "POST" and form.is_valid():
        done = saved(request, form, lambda d: plan_update_add(actor=request.user, plan=plan, **d),
                     "Your update was added", plan_link(plan))
        if done:
            return done
    return form_page(request, form, child=child, title="Add an update for the core group", submit="Add the update",
                     **_back(plan))


@child_page(permission="cp_plan.end_early")
def plan_early_end_page(request, child, decision, record_id: int):
    plan = plan_of(request, child, record_id)
    form = EarlyEndForm(posted(request), initial={"version": plan.version})
    if request.method == "POST" and form.is_valid():
        done = saved(request, form, lambda d: plan_early_end_decide(
            actor=request.user, plan=plan, approve=d["decision"] == "approve", rationale=d["rationale"],
            expected_version=d["version"]), "Your decision was recorded", plan_link(plan))
        if done:
            return done
    return form_page(request, form, child=child, title="Ending a plan within 3 months", submit="Record your decision",
                     template="protection/early_end_form.html", plan=plan, **_back(plan))
