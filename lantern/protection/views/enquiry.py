"""Pages for the section 47 enquiry: reading it, its lead, visits, the assessment of risk, the
manager's outcome decision and written agreements."""

from django.shortcuts import render
from django.utils import timezone

from lantern.access.policy import has_permission
from lantern.obligations.selectors import record_deadlines
from lantern.protection.audit_types import S47_ENQUIRY
from lantern.revisions.selectors import earlier_versions
from lantern.service_layer.pages import form_page, saved
from lantern.web.decorators import child_page

from ..codes import AgreementStatus, EnquiryOutcome
from ..forms import AgreementForm, DecideForm, EnquiryVisitForm, LeadForm, OutcomeForm, RiskForm
from ..links import enquiry_link
from ..models import Section47Enquiry, WrittenAgreement
from ..services import (
    enquiry_conclude,
    enquiry_lead_allocate,
    enquiry_risk_record,
    enquiry_visit_record,
    written_agreement_decide,
    written_agreement_propose,
)
from .common import audit_view, case_staff, posted, record_of

ENQUIRIES = Section47Enquiry.objects.select_related("episode", "lead_worker", "strategy_discussion", "decided_by")


@child_page(permission="protection.casework")
def enquiry_detail(request, child, decision, record_id: int):
    enquiry = record_of(ENQUIRIES, child, record_id)
    audit_view(request, child, decision, S47_ENQUIRY, enquiry.pk)
    user = request.user
    return render(request, "protection/enquiry_detail.html", {
        "child": child, "enquiry": enquiry, "deadlines": record_deadlines(child, link=enquiry_link(enquiry)),
        "visits": list(enquiry.visits.select_related("visited_by")),
        "risk_versions": earlier_versions("s47_enquiry", enquiry.pk),
        "agreements": list(enquiry.agreements.select_related("proposed_by", "decided_by")),
        "conferences": list(enquiry.conferences.all()),
        "can_record": enquiry.is_open and has_permission(user, "enquiry.record"),
        "can_allocate": enquiry.is_open and has_permission(user, "enquiry.allocate"),
        "can_decide": enquiry.is_open and has_permission(user, "enquiry.decide"),
        "can_decide_agreement": has_permission(user, "enquiry.decide"),
        "can_arrange": enquiry.outcome == EnquiryOutcome.CONFERENCE and has_permission(user, "conference.arrange")
        and not enquiry.conferences.filter(cancelled_on__isnull=True).exists(),
        "agreement_pending": AgreementStatus.PROPOSED})


def _back(enquiry) -> dict:
    return {"back_url": enquiry_link(enquiry), "back_text": "Back to the enquiry"}


@child_page(permission="enquiry.allocate")
def enquiry_lead(request, child, decision, record_id: int):
    enquiry = record_of(ENQUIRIES, child, record_id)
    form = LeadForm(posted(request), staff=case_staff(), initial={"lead_worker": enquiry.lead_worker_id,
                                                                  "version": enquiry.version})
    if request.method == "POST" and form.is_valid():
        done = saved(request, form, lambda d: enquiry_lead_allocate(
            actor=request.user, enquiry=enquiry, lead_worker=d["lead_worker"], expected_version=d["version"]),
            "The enquiry's lead was changed", enquiry_link(enquiry))
        if done:
            return done
    return form_page(request, form, child=child, title="Change who leads the enquiry", submit="Save", **_back(enquiry))


@child_page(permission="enquiry.record")
def enquiry_visit(request, child, decision, record_id: int):
    enquiry = record_of(ENQUIRIES, child, record_id)
    form = EnquiryVisitForm(posted(request), staff=case_staff(),
                            initial={"visit_date": timezone.localdate(), "visited_by": request.user.pk})
    if request.method == "POST" and form.is_valid():
        done = saved(request, form, lambda d: enquiry_visit_record(actor=request.user, enquiry=enquiry, **d),
                     "The visit was recorded", enquiry_link(enquiry))
        if done:
            return done
    return form_page(request, form, child=child, title="Record a section 47 visit", submit="Record the visit",
                     **_back(enquiry))


@child_page(permission="enquiry.record")
def enquiry_risk(request, child, decision, record_id: int):
    enquiry = record_of(ENQUIRIES, child, record_id)
    form = RiskForm(posted(request), initial={"risk_assessment": enquiry.risk_assessment, "version": enquiry.version})
    if request.method == "POST" and form.is_valid():
        done = saved(request, form, lambda d: enquiry_risk_record(
            actor=request.user, enquiry=enquiry, risk_assessment=d["risk_assessment"], expected_version=d["version"]),
            "The assessment of risk was saved", enquiry_link(enquiry))
        if done:
            return done
    return form_page(request, form, child=child, title="Assessment of risk", submit="Save", **_back(enquiry))


@child_page(permission="enquiry.decide")
def enquiry_outcome(request, child, decision, record_id: int):
    enquiry = record_of(ENQUIRIES, child, record_id)
    form = OutcomeForm(posted(request), initial={"completed_on": timezone.localdate(), "version": enquiry.version})
    if request.method == "POST" and form.is_valid():
        done = saved(request, form, lambda d: enquiry_conclude(
            actor=request.user, enquiry=enquiry, outcome=d["outcome"], rationale=d["outcome_rationale"],
            completed_on=d["completed_on"], expected_version=d["version"]),
            "The outcome of the enquiry was recorded", enquiry_link(enquiry))
        if done:
            return done
    return form_page(request, form, child=child, title="Decide the outcome of the enquiry", submit="Record the outcome",
                     intro="Read the visits and the assessment of risk first.", **_back(enquiry))


@child_page(permission="enquiry.record")
def agreement_create(request, child, decision, record_id: int):
    enquiry = record_of(ENQUIRIES, child, record_id)
    form = AgreementForm(posted(request))
    if request.method == "POST" and form.is_valid():
        done = saved(request, form, lambda d: written_agreement_propose(actor=request.user, enquiry=enquiry, **d),
                     "The written agreement was sent to a manager", enquiry_link(enquiry))
        if done:
            return done
    return form_page(request, form, child=child, title="Propose a written agreement", submit="Send to a manager",
                     intro="A written agreement follows the assessment of risk, needs a manager's decision, and "
                           "names a professional who checks it is kept.", **_back(enquiry))


@child_page(permission="enquiry.decide")
def agreement_decide(request, child, decision, record_id: int):
    agreement = record_of(WrittenAgreement.objects.select_related("enquiry"), child, record_id)
    form = DecideForm(posted(request))
    if request.method == "POST" and form.is_valid():
        done = saved(request, form, lambda d: written_agreement_decide(
            actor=request.user, agreement=agreement, approve=d["decision"] == "approve", rationale=d["rationale"]),
            "Your decision on the written agreement was recorded", enquiry_link(agreement.enquiry))
        if done:
            return done
    return form_page(request, form, child=child, title="Decide on the written agreement", submit="Record your decision",
                     template="protection/agreement_decide.html", agreement=agreement, **_back(agreement.enquiry))
