"""Turning front door records into the API's shapes."""

from lantern.revisions.schemas import revisions_out
from lantern.revisions.selectors import earlier_versions

from .. import schemas as s
from ..access import contact_view
from ..models import Contact, ContactPerson
from ..selectors.screening import contact_for_screening


def person_out(p: ContactPerson) -> s.PersonOut:
    return s.PersonOut(id=p.pk, role=p.role, first_name=p.first_name, last_name=p.last_name,
                       date_of_birth=p.date_of_birth, sex=p.sex, address=p.address, relationship=p.relationship,
                       person_id=p.person_id)


def agency_check_out(a) -> s.AgencyCheckOut:
    return s.AgencyCheckOut(id=a.pk, agency=a.agency_label, asked_on=a.asked_on, response=a.response)


def decision_out(d) -> s.DecisionOut:
    return s.DecisionOut(id=d.pk, status=d.status, outcome=d.outcome, threshold_level=str(d.threshold_level),
                         rationale=d.rationale, decided_by_id=d.decided_by_id, decided_at=d.decided_at,
                         authorised_by_id=d.authorised_by_id, effective_on=d.effective_on, rereferral=d.rereferral,
                         contacts_in_year=d.contacts_in_year, late_reason=d.late_reason)


def contact_out(c: Contact, withheld: set[int] | None = None) -> s.ContactOut:
    withheld = withheld or set()
    return s.ContactOut(
        id=c.pk, reference=c.reference, version=c.version, status=c.status, channel=c.channel, source=c.source,
        received_at=c.received_at, decision_due=c.decision_due, concern=c.concern, immediate_risk=c.immediate_risk,
        discussed_with_parents=c.discussed_with_parents, not_discussed_reason=c.not_discussed_reason,
        people=[person_out(p) for p in c.people.all() if p.pk not in withheld],
        withheld_children=len(withheld),
        agency_checks=[agency_check_out(a) for a in c.agency_checks.all()],
        decisions=[decision_out(d) for d in c.decisions.all()], screening_notes=c.screening_notes,
        earlier_versions=revisions_out(earlier_versions("contact", c.pk)))


def screened(request, contact_id: int) -> Contact:
    """The contact for a front door write, as its page fetches it: missing or out of reach is 404,
    matched to a restricted record the screener may not open is 403 naming who to ask."""
    return contact_view(request.auth, contact_id, screening=True).contact


def fresh(contact_id: int) -> Contact:
    """The contact as it is now, after a write, with everything its reply shows."""
    contact = contact_for_screening(contact_id)
    assert contact is not None  # the caller has just written to it
    return contact
