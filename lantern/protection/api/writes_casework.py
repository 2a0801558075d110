"""Recording strategy discussions, enquiries and conferences through the API."""

from django.shortcuts import get_object_or_404

from lantern.accounts.models import Agency, User
from lantern.referrals.selectors import episode_for

from .. import schemas as s
from ..models import ConferenceInvitation
from ..selectors import conference_for, enquiry_for, plan_for
from ..services import (
    agency_report_submit,
    conference_arrange,
    conference_decision_record,
    conference_minutes_record,
    enquiry_conclude,
    enquiry_risk_record,
    enquiry_visit_record,
    social_work_report_save,
    strategy_discussion_record,
)
from .router import router
from .shapes import conference_out, enquiry_out, invitation_out, strategy_out


def _user(pk):
    return get_object_or_404(User, pk=pk) if pk else None


@router.post("/episodes/{episode_id}/strategy-discussions", response={201: s.StrategyOut},
             summary="Record a strategy discussion")
def strategy_create(request, episode_id: int, payload: s.StrategyIn):
    episode, _ = episode_for(request.auth, episode_id, permission="strategy.record", for_change=False)
    data = payload.dict(exclude={"participants", "actions", "lead_worker_id", "police_absent_reason",
                                 "health_absent_reason", "referrer_absent_reason"})
    # Keyed by optional id: a participant from no listed agency finds None.
    agencies: dict[int | None, Agency] = {
        a.pk: a for a in Agency.objects.filter(pk__in=[p.agency_id for p in payload.participants])}
    participants = [{**p.dict(exclude={"agency_id"}), "agency": agencies.get(p.agency_id)}
                    for p in payload.participants]
    absent = {k: getattr(payload, k) for k in ("police_absent_reason", "health_absent_reason",
                                               "referrer_absent_reason")}
    discussion = strategy_discussion_record(actor=request.auth, episode=episode, participants=participants,
                                            absent_reasons=absent, actions=[a.dict() for a in payload.actions],
                                            lead_worker=_user(payload.lead_worker_id), **data)
    return 201, strategy_out(discussion)


@router.post("/enquiries/{record_id}/visits", response={201: s.CreatedOut}, summary="Record a section 47 visit")
def enquiry_visit(request, record_id: int, payload: s.EnquiryVisitIn):
    enquiry, _ = enquiry_for(request.auth, record_id)
    data = payload.dict(exclude={"visited_by_id"})
    return 201, enquiry_visit_record(actor=request.auth, enquiry=enquiry, visited_by=_user(payload.visited_by_id),
                                     **data)


@router.post("/enquiries/{record_id}/risk", response=s.EnquiryOut, summary="Record the assessment of risk")
def enquiry_risk(request, record_id: int, payload: s.RiskIn):
    enquiry, _ = enquiry_for(request.auth, record_id)
    return enquiry_out(enquiry_risk_record(actor=request.auth, enquiry=enquiry, risk_assessment=payload.risk_assessment,
                                           expected_version=payload.version))


@router.post("/enquiries/{record_id}/outcome", response=s.EnquiryOut, summary="A manager decides the outcome")
def enquiry_outcome(request, record_id: int, payload: s.OutcomeIn):
    enquiry, _ = enquiry_for(request.auth, record_id)
    return enquiry_out(enquiry_conclude(actor=request.auth, enquiry=enquiry, outcome=payload.outcome,
                                        rationale=payload.rationale, completed_on=payload.completed_on,
                                        expected_version=payload.version))


@router.post("/enquiries/{record_id}/conferences", response={201: s.ConferenceOut},
             summary="Arrange the initial child protection conference")
def conference_create(request, record_id: int, payload: s.ArrangeIn):
    enquiry, _ = enquiry_for(request.auth, record_id)
    conference = conference_arrange(actor=request.auth, enquiry=enquiry, conference_date=payload.conference_date,
                                    chair=_user(payload.chair_id), starts_at=payload.starts_at,
                                    late_reason=payload.late_reason)
    return 201, conference_out(conference)


@router.post("/cp-plans/{record_id}/conferences", response={201: s.ConferenceOut},
             summary="Arrange a review child protection conference")
def review_create(request, record_id: int, payload: s.ArrangeIn):
    plan, _ = plan_for(request.auth, record_id)
    conference = conference_arrange(actor=request.auth, plan=plan, conference_date=payload.conference_date,
                                    chair=_user(payload.chair_id), starts_at=payload.starts_at,
                                    late_reason=payload.late_reason)
    return 201, conference_out(conference)


@router.post("/conferences/{record_id}/report", response=s.ConferenceOut,
             summary="The social work report, and the date it was shared with the parents")
def social_work_report(request, record_id: int, payload: s.SocialWorkReportIn):
    conference, _ = conference_for(request.auth, record_id)
    return conference_out(social_work_report_save(actor=request.auth, conference=conference, report=payload.report,
                                                  shared_on=payload.shared_on, late_reason=payload.late_reason,
                                                  expected_version=payload.version))


@router.post("/conferences/{record_id}/invitations/{invitation_id}/report", response=s.InvitationOut,
             summary="An invited agency's report (partners: their own agency's)")
def agency_report(request, record_id: int, invitation_id: int, payload: s.AgencyReportIn):
    conference, _ = conference_for(request.auth, record_id)
    invitation = get_object_or_404(ConferenceInvitation, pk=invitation_id, conference=conference)
    invitation.conference = conference
    return invitation_out(agency_report_submit(actor=request.auth, invitation=invitation, report=payload.report,
                                               expected_version=payload.version))


@router.post("/conferences/{record_id}/decision", response=s.ConferenceOut, summary="The chair records the decision")
def conference_decision(request, record_id: int, payload: s.ConferenceDecisionIn):
    conference, _ = conference_for(request.auth, record_id)
    data = payload.dict(exclude={"version", "first_action", "progress"})
    progress = {p.action_id: {"status": p.status, "note": p.note} for p in payload.progress}
    first = payload.first_action.dict() if payload.first_action else None
    return conference_out(conference_decision_record(actor=request.auth, conference=conference, first_action=first,
                                                     expected_version=payload.version, progress=progress, **data))


@router.post("/conferences/{record_id}/minutes", response=s.ConferenceOut, summary="Minutes circulated")
def conference_minutes(request, record_id: int, payload: s.MinutesIn):
    conference, _ = conference_for(request.auth, record_id)
    return conference_out(conference_minutes_record(actor=request.auth, conference=conference,
                                                    circulated_on=payload.circulated_on,
                                                    late_reason=payload.late_reason,
                                                    expected_version=payload.version))
