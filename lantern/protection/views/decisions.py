"""The chair's pages: the conference's decision and its minutes; and starting the child in need plan
a conference stepped down to."""

from django.utils import timezone

from lantern.service_layer.pages import form_page, saved
from lantern.web.decorators import child_page

from ..forms import DecisionForm, MinutesForm, StepDownPlanForm
from ..links import conference_link
from ..models import CpPlan
from ..readiness import readiness_for
from ..services import cin_plan_after_conference, conference_decision_record, conference_minutes_record
from .common import posted
from .conferences import conference_of


def _earlier_plans(conference) -> list:
    return list(CpPlan.objects.filter(child_id=conference.child_id, start_date__lt=conference.conference_date)
                .order_by("start_date"))


@child_page(permission="conference.chair")
def conference_decision_page(request, child, decision, record_id: int):
    conference = conference_of(request, child, record_id)
    invitations = list(conference.invitations.select_related("agency"))
    plan = conference.plan
    actions = list(plan.actions.all()) if plan is not None else []
    form = DecisionForm(posted(request), conference=conference, invitations=invitations, actions=actions,
                        initial={"version": conference.version,
                                 "category": plan.latest_category if plan is not None else ""})
    if request.method == "POST" and form.is_valid():
        done = saved(request, form, lambda d: conference_decision_record(
            actor=request.user, conference=conference, expected_version=d["version"], answers=form.answers()),
            "The conference's decision was recorded", conference_link(conference))
        if done:
            return done
    readiness = readiness_for([conference], timezone.localdate())[0]
    return form_page(request, form, child=child, title=f"Record the decision: {conference.get_kind_display().lower()}",
                     submit="Record the decision", template="protection/decision_form.html", conference=conference,
                     readiness=readiness, earlier_plans=_earlier_plans(conference),
                     back_url=conference_link(conference), back_text="Back to the conference")


@child_page(permission="conference.chair")
def conference_minutes_page(request, child, decision, record_id: int):
    conference = conference_of(request, child, record_id)
    form = MinutesForm(posted(request), initial={"circulated_on": timezone.localdate(), "version": conference.version})
    if request.method == "POST" and form.is_valid():
        done = saved(request, form, lambda d: conference_minutes_record(
            actor=request.user, conference=conference, circulated_on=d["circulated_on"], late_reason=d["late_reason"],
            expected_version=d["version"]), "The minutes were recorded as circulated", conference_link(conference))
        if done:
            return done
    return form_page(request, form, child=child, title="Minutes circulated", submit="Save",
                     back_url=conference_link(conference), back_text="Back to the conference")


@child_page(permission="cin_plan.edit")
def conference_cin_plan_page(request, child, decision, record_id: int):
    conference = conference_of(request, child, record_id)
    form = StepDownPlanForm(posted(request))
    if request.method == "POST" and form.is_valid():
        done = saved(request, form, lambda d: cin_plan_after_conference(
            actor=request.user, conference=conference, outcomes=d["outcomes"], actions=[form.action()]),
            "The child in need plan was started", lambda plan: f"/children/{child.pk}/plans/{plan.pk}/")
        if done:
            return done
    return form_page(request, form, child=child, title="Start the child in need plan", submit="Start the plan",
                     intro="The conference stepped down to a child in need plan. Start with what must change and the "
                           "first action; add more actions from the plan's page.",
                     back_url=conference_link(conference), back_text="Back to the conference")
