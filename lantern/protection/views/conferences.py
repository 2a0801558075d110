"""Pages for arranging conferences, reading them, invitations and reports."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from lantern.access.policy import has_permission
from lantern.obligations.selectors import record_deadlines
from lantern.protection.audit_types import CP_CONFERENCE
from lantern.revisions.selectors import earlier_versions, earlier_versions_of
from lantern.service_layer.pages import form_page, saved
from lantern.web.decorators import child_page

from ..forms import AgencyReportForm, ArrangeForm, InviteForm, SocialWorkReportForm
from ..forms.strategy import agency_queryset
from ..links import conference_link, enquiry_link, plan_link
from ..models import Conference, CpPlan, Section47Enquiry
from ..policies import is_partner, partner_contributions
from ..readiness import readiness_for
from ..services import agency_report_submit, conference_arrange, conference_invite, social_work_report_save
from ..services.step_down import step_down_start_date
from .common import audit_view, chairs, posted, record_of

CONFERENCES = Conference.objects.select_related("episode", "chair", "enquiry", "plan")


def conference_of(request, child, record_id: int) -> Conference:
    return record_of(partner_contributions.conferences_visible(request.user, CONFERENCES), child, record_id)


def _arrange(request, child, *, enquiry=None, plan=None, back_url: str, title: str):
    form = ArrangeForm(posted(request), chairs=chairs())
    if request.method == "POST" and form.is_valid():
        done = saved(request, form, lambda d: conference_arrange(actor=request.user, enquiry=enquiry, plan=plan, **d),
                     "The conference was arranged", conference_link)
        if done:
            return done
    return form_page(request, form, child=child, title=title, submit="Arrange the conference", back_url=back_url,
                     intro="The agencies involved with the child are invited when you save; you can invite more "
                           "from the conference's page.")


@child_page(permission="conference.arrange")
def conference_arrange_page(request, child, decision, record_id: int):
    enquiry = record_of(Section47Enquiry.objects.select_related("episode"), child, record_id)
    return _arrange(request, child, enquiry=enquiry, back_url=enquiry_link(enquiry),
                    title="Arrange the initial child protection conference")


@child_page(permission="conference.arrange")
def review_arrange_page(request, child, decision, record_id: int):
    plan = record_of(CpPlan.objects.select_related("episode"), child, record_id)
    return _arrange(request, child, plan=plan, back_url=plan_link(plan),
                    title="Arrange a review child protection conference")


@child_page(permission="protection.view")
def conference_detail(request, child, decision, record_id: int):
    conference = conference_of(request, child, record_id)
    audit_view(request, child, decision, CP_CONFERENCE, conference.pk)
    user, today = request.user, timezone.localdate()
    readiness = readiness_for([conference], today)[0]
    invitations = list(conference.invitations.select_related("agency", "report_submitted_by"))
    kept = earlier_versions_of("cp_agency_report", [i.pk for i in invitations])
    for invitation in invitations:
        invitation.earlier_versions = kept.get(invitation.pk, [])  # type: ignore[attr-defined]  # for the template
    partner = is_partner(user)
    return render(request, "protection/conference_detail.html", {
        "child": child, "conference": conference, "readiness": readiness, "invitations": invitations,
        "report_versions": earlier_versions("cp_conference", conference.pk),
        "deadlines": [] if partner else record_deadlines(child, link=conference_link(conference)),
        "plan": getattr(conference, "started_plan", None) if conference.is_decided else None,
        "mine": [i for i in invitations if i.invitee_id == user.pk or (partner and i.agency_id == user.agency_id)],
        "partner": partner, "is_chair": conference.chair_id == user.pk and has_permission(user, "conference.chair"),
        "can_arrange": conference.is_open and has_permission(user, "conference.arrange"),
        "can_report": conference.is_open and has_permission(user, "conference.report"),
        "can_agency_report": conference.is_open and has_permission(user, "conference.agency_report"),
        "step_down": step_down_start_date(conference) and has_permission(user, "cin_plan.edit")})


@child_page(permission="conference.arrange")
def conference_invite_page(request, child, decision, record_id: int):
    conference = conference_of(request, child, record_id)
    form = InviteForm(posted(request), agencies=agency_queryset())
    if request.method == "POST" and form.is_valid():
        done = saved(request, form, lambda d: conference_invite(actor=request.user, conference=conference, **d),
                     "The invitation was added", conference_link(conference))
        if done:
            return done
    return form_page(request, form, child=child, title="Invite an agency", submit="Invite",
                     back_url=conference_link(conference), back_text="Back to the conference")


@child_page(permission="conference.report")
def conference_report_page(request, child, decision, record_id: int):
    conference = conference_of(request, child, record_id)
    form = SocialWorkReportForm(posted(request), initial={
        "social_work_report": conference.social_work_report, "report_shared_on": conference.report_shared_on,
        "version": conference.version})
    if request.method == "POST" and form.is_valid():
        done = saved(request, form, lambda d: social_work_report_save(
            actor=request.user, conference=conference, report=d["social_work_report"], shared_on=d["report_shared_on"],
            late_reason=d["report_late_reason"], expected_version=d["version"]),
            "The social work report was saved", conference_link(conference))
        if done:
            return done
    due = readiness_for([conference], timezone.localdate())[0].report_due
    return form_page(request, form, child=child,
                     title="Social work report for the conference", submit="Save the report",
                     intro=f"Share it with the parents by {due:%-d %B %Y}." if due else "",
                     back_url=conference_link(conference), back_text="Back to the conference")


@child_page(permission="conference.agency_report")
def agency_report_page(request, child, decision, record_id: int, invitation_id: int):
    conference = conference_of(request, child, record_id)
    invitation = get_object_or_404(conference.invitations.select_related("agency"), pk=invitation_id)
    if is_partner(request.user) and invitation.invitee_id != request.user.pk and \
            invitation.agency_id != request.user.agency_id:
        raise PermissionDenied("This invitation is for another agency")
    form = AgencyReportForm(posted(request), initial={"report": invitation.report, "version": invitation.version})
    if request.method == "POST" and form.is_valid():
        done = saved(request, form, lambda d: agency_report_submit(
            actor=request.user, invitation=invitation, report=d["report"], expected_version=d["version"]),
                     "Your report was submitted", conference_link(conference))
        if done:
            return done
    return form_page(request, form, child=child,
                     title=f"Report from {invitation.agency_label}", submit="Submit the report",
                     intro=f"For the conference on {conference.conference_date:%-d %B %Y}. Submit it before then.",
                     back_url=conference_link(conference), back_text="Back to the conference")
