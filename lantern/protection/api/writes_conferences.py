"""Arranging and recording child protection conferences through the API."""

from django.shortcuts import get_object_or_404

from lantern.accounts.models import Agency
from lantern.cin.api.shapes import plan_out as cin_plan_out
from lantern.cin.schemas import CinPlanOut

from .. import schemas as s
from ..models import ConferenceInvitation
from ..selectors import conference_for, enquiry_for, plan_for
from ..services import (
    agency_report_submit,
    cin_plan_after_conference,
    conference_arrange,
    conference_decision_record,
    conference_invite,
    conference_minutes_record,
    social_work_report_save,
)
from ..services.decisions import ConferenceDecisionAnswers
from .router import router
from .shapes import conference_out, invitation_out
from .writes_casework import user_or_404

CONFERENCE = "/conferences/{conference_id}"


@router.post("/enquiries/{enquiry_id}/conferences", response={201: s.ConferenceOut},
             summary="Arrange the initial child protection conference",
             description="After an enquiry whose outcome is a conference, on a working day, with an independent "
                         "chair. Later than its target date needs a late_reason.")
def conference_create(request, enquiry_id: int, payload: s.ArrangeIn):
    enquiry, _ = enquiry_for(request.auth, enquiry_id)
    conference = conference_arrange(actor=request.auth, enquiry=enquiry, conference_date=payload.conference_date,
                                    chair=user_or_404(payload.chair_id), starts_at=payload.starts_at,
                                    late_reason=payload.late_reason)
    return 201, conference_out(conference)


@router.post("/cp-plans/{cp_plan_id}/conferences", response={201: s.ConferenceOut},
             summary="Arrange a review child protection conference",
             description="One at a time for a running plan, with an independent chair.")
def review_create(request, cp_plan_id: int, payload: s.ArrangeIn):
    plan, _ = plan_for(request.auth, cp_plan_id)
    conference = conference_arrange(actor=request.auth, plan=plan, conference_date=payload.conference_date,
                                    chair=user_or_404(payload.chair_id), starts_at=payload.starts_at,
                                    late_reason=payload.late_reason)
    return 201, conference_out(conference)


@router.post(f"{CONFERENCE}/invitations", response={201: s.InvitationOut}, summary="Invite an agency to a conference",
             description="The agency's kind, the agency and the person invited (a Lantern user, or a name).")
def invitation_create(request, conference_id: int, payload: s.InviteIn):
    conference, _ = conference_for(request.auth, conference_id)
    agency = get_object_or_404(Agency, pk=payload.agency_id) if payload.agency_id else None
    invitation = conference_invite(actor=request.auth, conference=conference, agency_kind=payload.agency_kind,
                                   invitee_name=payload.invitee_name, agency=agency,
                                   invitee=user_or_404(payload.invitee_id))
    return 201, invitation_out(invitation, [])


@router.post(f"{CONFERENCE}/report", response=s.ConferenceOut,
             summary="The social work report, and the date it was shared with the parents",
             description="The report it replaces is kept as an earlier version; 409 if stale. Shared late needs "
                         "report_late_reason.")
def social_work_report(request, conference_id: int, payload: s.SocialWorkReportIn):
    conference, _ = conference_for(request.auth, conference_id)
    return conference_out(social_work_report_save(
        actor=request.auth, conference=conference, report=payload.social_work_report,
        shared_on=payload.report_shared_on, late_reason=payload.report_late_reason, expected_version=payload.version))


@router.post(f"{CONFERENCE}/invitations/{{invitation_id}}/report", response=s.InvitationOut,
             summary="An invited agency's report",
             description="Partners: their own agency's. The report it replaces is kept; 409 if stale.")
def agency_report(request, conference_id: int, invitation_id: int, payload: s.AgencyReportIn):
    conference, _ = conference_for(request.auth, conference_id)
    invitation = get_object_or_404(ConferenceInvitation, pk=invitation_id, conference=conference)
    invitation.conference = conference
    return invitation_out(agency_report_submit(actor=request.auth, invitation=invitation, report=payload.report,
                                               expected_version=payload.version))


@router.post(f"{CONFERENCE}/decision", response=s.ConferenceOut, summary="The chair records the decision",
             description="Attendance by invitation id, how the parents and child took part, the decision and its "
                         "reasons; for a new plan its category, outline and first action; at a review, progress on "
                         "each action keyed by the action's id. 409 if stale.")
def conference_decision(request, conference_id: int, payload: s.ConferenceDecisionIn):
    conference, _ = conference_for(request.auth, conference_id)
    answers = ConferenceDecisionAnswers.from_data(payload.dict())
    return conference_out(conference_decision_record(actor=request.auth, conference=conference,
                                                     expected_version=payload.version, answers=answers))


@router.post(f"{CONFERENCE}/minutes", response=s.ConferenceOut, summary="Minutes circulated",
             description="The day the chair circulated the minutes; late needs a late_reason. 409 if stale.")
def conference_minutes(request, conference_id: int, payload: s.MinutesIn):
    conference, _ = conference_for(request.auth, conference_id)
    return conference_out(conference_minutes_record(actor=request.auth, conference=conference,
                                                    circulated_on=payload.circulated_on,
                                                    late_reason=payload.late_reason,
                                                    expected_version=payload.version))


@router.post(f"{CONFERENCE}/cin-plan", response={201: CinPlanOut},
             summary="Start the child in need plan a conference stepped down to",
             description="After an initial conference that decided on no plan, or a review that ended the plan, "
                         "when the conference chose a child in need plan next. It starts on the conference's date.")
def conference_cin_plan(request, conference_id: int, payload: s.StepDownPlanIn):
    conference, _ = conference_for(request.auth, conference_id)
    plan = cin_plan_after_conference(actor=request.auth, conference=conference, outcomes=payload.outcomes,
                                     actions=[a.dict() for a in payload.actions])
    return 201, cin_plan_out(plan)
