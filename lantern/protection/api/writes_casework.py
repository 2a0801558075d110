"""Recording strategy discussions, section 47 enquiries and written agreements through the API."""

from django.shortcuts import get_object_or_404

from lantern.accounts.models import Agency, User
from lantern.referrals.selectors import episode_for

from .. import schemas as s
from ..models import WrittenAgreement
from ..selectors import enquiry_for
from ..services import (
    enquiry_conclude,
    enquiry_lead_allocate,
    enquiry_risk_record,
    enquiry_visit_record,
    strategy_discussion_record,
    written_agreement_decide,
    written_agreement_propose,
)
from .router import router
from .shapes import enquiry_out, strategy_out

ENQUIRY = "/enquiries/{enquiry_id}"


def user_or_404(pk):
    return get_object_or_404(User, pk=pk) if pk else None


@router.post("/episodes/{episode_id}/strategy-discussions", response={201: s.StrategyOut},
             summary="Record a strategy discussion",
             description="Who took part for which agency and what each shared; why police, health or the referrer "
                         "were absent; the decision. A decision to enquire starts the section 47 enquiry, led by "
                         "lead_worker_id.")
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
                                            lead_worker=user_or_404(payload.lead_worker_id), **data)
    return 201, strategy_out(discussion)


@router.post(f"{ENQUIRY}/lead", response=s.EnquiryOut, summary="Change who leads a section 47 enquiry",
             description="A manager allocates the lead: a registered social worker. Send the enquiry's version you "
                         "read (409 if stale).")
def enquiry_lead(request, enquiry_id: int, payload: s.LeadIn):
    enquiry, _ = enquiry_for(request.auth, enquiry_id)
    return enquiry_out(enquiry_lead_allocate(actor=request.auth, enquiry=enquiry,
                                             lead_worker=user_or_404(payload.lead_worker_id),
                                             expected_version=payload.version))


@router.post(f"{ENQUIRY}/enquiry-visits", response={201: s.EnquiryVisitOut}, summary="Record a section 47 visit",
             description="By a registered social worker, out of hours included; whether the child was seen, and "
                         "seen alone, or why not.")
def enquiry_visit(request, enquiry_id: int, payload: s.EnquiryVisitIn):
    enquiry, _ = enquiry_for(request.auth, enquiry_id)
    data = payload.dict(exclude={"visited_by_id"})
    return 201, enquiry_visit_record(actor=request.auth, enquiry=enquiry,
                                     visited_by=user_or_404(payload.visited_by_id), **data)


@router.post(f"{ENQUIRY}/risk", response=s.EnquiryOut, summary="Record the assessment of risk",
             description="The text it replaces is kept as an earlier version; 409 if stale.")
def enquiry_risk(request, enquiry_id: int, payload: s.RiskIn):
    enquiry, _ = enquiry_for(request.auth, enquiry_id)
    return enquiry_out(enquiry_risk_record(actor=request.auth, enquiry=enquiry, risk_assessment=payload.risk_assessment,
                                           expected_version=payload.version))


@router.post(f"{ENQUIRY}/outcome", response=s.EnquiryOut, summary="A manager decides the outcome",
             description="Once the child has been visited and the risk assessed, with the reasons "
                         "(outcome_rationale).")
def enquiry_outcome(request, enquiry_id: int, payload: s.OutcomeIn):
    enquiry, _ = enquiry_for(request.auth, enquiry_id)
    return enquiry_out(enquiry_conclude(actor=request.auth, enquiry=enquiry, outcome=payload.outcome,
                                        rationale=payload.outcome_rationale, completed_on=payload.completed_on,
                                        expected_version=payload.version))


@router.post(f"{ENQUIRY}/written-agreements", response={201: s.WrittenAgreementOut},
             summary="Propose a written agreement",
             description="Only after the assessment of risk; it waits for a manager's decision and names a "
                         "professional, never the family, who checks it is kept.")
def agreement_create(request, enquiry_id: int, payload: s.AgreementIn):
    enquiry, _ = enquiry_for(request.auth, enquiry_id)
    return 201, written_agreement_propose(actor=request.auth, enquiry=enquiry, **payload.dict())


@router.post("/written-agreements/{written_agreement_id}/decision", response=s.WrittenAgreementOut,
             summary="A manager agrees or declines a written agreement", description="With the reasons.")
def agreement_decide(request, written_agreement_id: int, payload: s.AgreementDecisionIn):
    agreement = get_object_or_404(WrittenAgreement, pk=written_agreement_id)
    enquiry_for(request.auth, agreement.enquiry_id)  # 404 or 403 exactly as for its enquiry
    return written_agreement_decide(actor=request.auth, agreement=agreement, approve=payload.approve,
                                    rationale=payload.rationale)
