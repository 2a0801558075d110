"""The front door's queue, recording and reading a contact, screening it and deciding it."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Query

from lantern.access.policy import require_permission
from lantern.accounts.models import Agency
from lantern.api.paging import DateRange, PageQuery, choice, page_of, paged_query
from lantern.api.schema import Text
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.frontdoor.audit_types import CONTACT

from .. import schemas as s
from ..access import contact_view, restricted_hidden
from ..codes import ContactStatus
from ..models import ThresholdLevel
from ..permissions import require_front_door_staff
from ..selectors.queue import OPEN, QUEUE_ORDER, open_contacts, queue_rows
from ..services import (
    agency_check_record,
    contact_record,
    decision_authorise,
    decision_record,
    decision_return,
    screening_notes_save,
)
from ..services.common import audit_contact
from .router import router
from .shapes import agency_check_out, contact_out, decision_out, fresh, screened


@router.get("/frontdoor/contacts", response=page_of(s.QueueItemOut), summary="The front door queue",
            description="Contacts waiting for a decision, most urgent first (by the day the decision is due, then "
                        "the time received). status= received or awaiting_authorisation; from= and to= on the day "
                        "received. A contact matched to a restricted record you may not open shows no names.")
def contacts_queue(request, paging: Query[PageQuery], dates: Query[DateRange], status: Text | None = None):
    require_front_door_staff(request.auth)
    contacts = open_contacts()
    if choice("status", status, OPEN):
        contacts = contacts.filter(status=status)
    page = paged_query(dates.apply(contacts, "received_on"), paging, order=QUEUE_ORDER)
    rows = queue_rows(page.items, today=timezone.localdate())
    matched = {m.person_id for r in rows for m in r.children if m.person_id}
    hidden = restricted_hidden(request.auth, matched)
    audit_record(actor=request.auth, action=Action.LIST, object_type=CONTACT, children=matched - hidden,
                 detail=f"api front door queue; {len(rows)} shown")

    def item(r) -> s.QueueItemOut:
        restricted = any(m.person_id in hidden for m in r.children)
        return s.QueueItemOut(id=r.contact.pk, reference=r.contact.reference, status=r.contact.status,
                              received_at=r.contact.received_at, decision_due=r.contact.decision_due,
                              due_state=r.due_state, source=r.contact.source, restricted=restricted,
                              children=[] if restricted else [m.full_name for m in r.children],
                              flags=[] if restricted else [label for label, _ in r.flags])
    return {"items": [item(r) for r in rows], "next": page.next}


@router.post("/frontdoor/contacts", response={201: s.ContactOut}, summary="Record a contact",
             description="A phone call, email or letter taken by the front door, with the people it names. The "
                         "decision clock starts at received_at (now when left out).")
def contacts_create(request, payload: s.ContactIn):
    data = payload.dict()
    people, received_at = data.pop("people"), data.pop("received_at")
    contact = contact_record(actor=request.auth, data=data, people=people, received_at=received_at)
    return 201, contact_out(fresh(contact.pk))


@router.get("/frontdoor/contacts/{contact_id}", response=s.ContactOut,
            summary="A contact, its people, checks and decisions",
            description="The front door reads any contact; anyone else only one about a child whose record they may "
                        "open, with the other children they may not open left out (withheld_children counts them). "
                        "A contact matched to a restricted record you may not open is refused (403) naming who to "
                        "ask.")
def contacts_detail(request, contact_id: int):
    view = contact_view(request.auth, contact_id)
    audit_contact(actor=request.auth, action=Action.VIEW, contact=view.contact, detail="api")
    return contact_out(view.contact, view.withheld)


@router.post("/frontdoor/contacts/{contact_id}/screening-notes", response=s.ContactOut,
             summary="Save the screening notes",
             description="The notes they replace are kept as an earlier version. Send the contact's version you "
                         "read (409 if stale).")
def contacts_screening_notes(request, contact_id: int, payload: s.ScreeningNotesIn):
    contact = screened(request, contact_id)
    screening_notes_save(actor=request.auth, contact=contact, expected_version=payload.version, notes=payload.notes)
    return contact_out(fresh(contact_id))


@router.post("/frontdoor/contacts/{contact_id}/agency-checks", response={201: s.AgencyCheckOut},
             summary="Record an agency check",
             description="What an agency told you from its own records: information gathering, not an assessment.")
def contacts_agency_check(request, contact_id: int, payload: s.AgencyCheckIn):
    contact = screened(request, contact_id)
    agency = get_object_or_404(Agency, pk=payload.agency_id) if payload.agency_id else None
    check = agency_check_record(actor=request.auth, contact=contact, agency=agency, agency_name=payload.agency_name,
                                asked_on=payload.asked_on, response=payload.response)
    return 201, agency_check_out(check)


@router.post("/frontdoor/contacts/{contact_id}/decisions", response={201: s.DecisionOut},
             summary="Record the decision",
             description="Waits for a manager's authorisation when the authority asks for it (status 'proposed').")
def contacts_decide(request, contact_id: int, payload: s.ContactDecisionIn):
    contact = screened(request, contact_id)
    data = payload.dict()
    version = data.pop("version")
    data["threshold_level"] = ThresholdLevel.objects.filter(pk=data.pop("threshold_level_id"), is_active=True).first()
    return 201, decision_out(decision_record(actor=request.auth, contact=contact, expected_version=version, data=data))


@router.post("/frontdoor/contacts/{contact_id}/authorisation", response=s.DecisionOut,
             summary="Authorise or return a proposed decision",
             description="action=authorise or return; only while the contact is "
                         f"{ContactStatus.AWAITING_AUTHORISATION}.")
def contacts_authorise(request, contact_id: int, payload: s.ContactAuthorisationIn):
    contact = screened(request, contact_id)
    require_permission(request.auth, "frontdoor.authorise")
    if payload.action == "authorise":
        decision = decision_authorise(actor=request.auth, contact=contact, expected_version=payload.version,
                                      comment=payload.comment, late_reason=payload.late_reason)
    elif payload.action == "return":
        decision = decision_return(actor=request.auth, contact=contact, expected_version=payload.version,
                                   comment=payload.comment)
    else:
        raise ValidationError({"action": "Use 'authorise' or 'return'"})
    return decision_out(decision)
