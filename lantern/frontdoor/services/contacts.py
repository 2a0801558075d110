"""Writes for a contact while it is screened: recording it, the people it names and the records
they are matched to, what other agencies said, and the screener's notes.

Screening gathers information only. Anything that needs the child or family to be seen or assessed
is the assessment's job, so nothing here records a visit."""

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from lantern.access.policy import child_for
from lantern.audit_log.models import Action
from lantern.audit_log.transactions import atomic
from lantern.frontdoor.audit_types import AGENCY_CHECK, CONTACT_PERSON
from lantern.obligations.engine import obligations_sync
from lantern.people.models import Person, Relationship
from lantern.people.services import child_create, family_member_add
from lantern.revisions.services import keep_replaced, text_at_version
from lantern.service_layer.concurrency import bump_version

from ..access import require_screening
from ..codes import Channel, ContactStatus, PersonRole
from ..models import AgencyCheck, Contact, ContactPerson
from ..permissions import require_front_door_staff
from .checks import contact_problems, people_problems, person_problems
from .common import (
    OBLIGATION_SOURCE,
    audit_contact,
    decision_due_for,
    linked_children,
    require_open,
)

CONTACT_FIELDS = ("source", "referrer_name", "referrer_role", "referrer_agency", "referrer_organisation",
                  "referrer_phone", "referrer_email", "concern", "child_views", "immediate_risk",
                  "discussed_with_parents", "not_discussed_reason", "not_discussed_detail")
PERSON_FIELDS = ("role", "first_name", "last_name", "date_of_birth", "sex", "address", "relationship")


def person_build(contact: Contact, data: Mapping[str, Any]) -> ContactPerson:
    errors = person_problems(dict(data))
    if errors:
        raise ValidationError(errors)
    values = {k: (v.strip() if isinstance(v, str) else v) for k, v in data.items() if k in PERSON_FIELDS}
    return ContactPerson(contact=contact, **values)


def receive(contact: Contact, received_at: datetime) -> None:
    """Stamp the moment of receipt and start the decision clock."""
    contact.received_at = received_at
    contact.received_on = timezone.localdate(received_at)
    contact.decision_due = decision_due_for(contact.received_on)
    contact.status = ContactStatus.RECEIVED


@atomic
def contact_record(*, actor, data: Mapping[str, Any], people: Sequence[Mapping[str, Any]],
                   channel: str = Channel.SCREENER, received_at: datetime | None = None) -> Contact:
    """A contact taken by the front door (a phone call, an email, a letter)."""
    require_front_door_staff(actor)
    now = timezone.now()
    received_at = received_at or now
    if received_at > now:
        raise ValidationError({"received_at": "The time it was received cannot be in the future"})
    contact = Contact(channel=channel, submitted_by=actor, screener=actor,
                      **{k: v for k, v in data.items() if k in CONTACT_FIELDS})
    named = [dict(p) for p in people]
    errors = {**contact_problems(contact, named, online=False), **people_problems(named)}
    if errors:
        raise ValidationError(errors)
    receive(contact, received_at)
    contact.save()
    for person in people:
        person_build(contact, person).save()
    audit_contact(actor=actor, action=Action.CREATE, contact=contact,
                  changes={"source": [None, contact.source], "channel": [None, channel],
                           "received_on": [None, contact.received.isoformat()]})
    return contact


@atomic
def contact_person_add(*, actor, contact: Contact, expected_version: int, data: Mapping[str, Any]) -> ContactPerson:
    """Add a child or household adult the screening has found."""
    require_screening(actor, contact)
    require_open(contact)
    person = person_build(contact, data)
    bump_version(contact, expected_version, what="this contact")
    person.save()
    audit_contact(actor=actor, action=Action.UPDATE, contact=contact, object_type=CONTACT_PERSON,
                  object_id=person.pk, changes={"role": [None, person.role]}, detail="person named")
    return person


def _link(actor, contact: Contact, mention: ContactPerson, person: Person) -> ContactPerson:
    if mention.contact_id != contact.pk:
        raise ValidationError("That person is not named on this contact")
    mention.person, mention.linked_by, mention.linked_at = person, actor, timezone.now()
    mention.save(update_fields=["person", "linked_by", "linked_at"])
    audit_contact(actor=actor, action=Action.UPDATE, contact=contact, object_type=CONTACT_PERSON,
                  object_id=mention.pk, changes={"person": [None, person.pk]}, detail="matched to a record")
    # The first linked child carries the decision deadline on work lists.
    obligations_sync(OBLIGATION_SOURCE, [contact.pk])
    return mention


@atomic
def contact_person_link(*, actor, contact: Contact, expected_version: int, mention: ContactPerson,
                        person: Person) -> ContactPerson:
    """Match a named child to a child record, or a named adult to a relative of a matched child."""
    require_screening(actor, contact)
    require_open(contact)
    if mention.role == PersonRole.CHILD:
        person, _ = child_for(actor, person.pk)
    else:
        children = [m.person_id for m in contact.people.all() if m.role == PersonRole.CHILD and m.person_id]
        if not Relationship.objects.filter(child_id__in=children, relative=person).exists():
            raise ValidationError({"person_id": "Choose a relative of a child already matched on this contact"})
    bump_version(contact, expected_version, what="this contact")
    return _link(actor, contact, mention, person)


@atomic
def contact_child_create(*, actor, contact: Contact, expected_version: int, mention: ContactPerson,
                         data: Mapping[str, Any], disabilities: Sequence[str] = ()) -> ContactPerson:
    """Create a record for a named child (after the duplicate check) and match them to it."""
    require_screening(actor, contact)
    require_open(contact)
    if mention.role != PersonRole.CHILD:
        raise ValidationError("Only a child gets a child record; add an adult as a family member")
    bump_version(contact, expected_version, what="this contact")
    child = child_create(actor=actor, data=data, disabilities=disabilities)
    return _link(actor, contact, mention, child)


@atomic
def contact_adult_create(*, actor, contact: Contact, expected_version: int, mention: ContactPerson,
                         child: Person, relationship_type: str, lives_with_child: bool,
                         has_parental_responsibility: bool = False) -> ContactPerson:
    """Record a named adult as a family member of a matched child, and match them to that record."""
    require_screening(actor, contact)
    require_open(contact)
    if mention.role != PersonRole.ADULT:
        raise ValidationError("Only an adult is added as a family member")
    if not contact.people.filter(role=PersonRole.CHILD, person=child).exists():
        raise ValidationError({"child_id": "Choose a child already matched on this contact"})
    bump_version(contact, expected_version, what="this contact")
    data = {"first_name": mention.first_name, "last_name": mention.last_name,
            "date_of_birth": mention.date_of_birth, "sex": mention.sex}
    relationship = family_member_add(actor=actor, child=child, person_data=data,
                                     relationship_type=relationship_type, lives_with_child=lives_with_child,
                                     has_parental_responsibility=has_parental_responsibility)
    return _link(actor, contact, mention, relationship.relative)


@atomic
def agency_check_record(*, actor, contact: Contact, agency=None, agency_name: str = "", asked_on: date,
                        response: str) -> AgencyCheck:
    """What an agency said when asked (police, health, school): information, not an assessment."""
    require_screening(actor, contact)
    require_open(contact)
    errors = {}
    if agency is None and not agency_name.strip():
        errors["agency_id"] = "Choose the agency, or enter its name"
    if asked_on > timezone.localdate():
        errors["asked_on"] = "The date asked cannot be in the future"
    if contact.received_on and asked_on < contact.received_on:
        errors["asked_on"] = "The date asked cannot be before the contact was received"
    if not response.strip():
        errors["response"] = "Enter what the agency said"
    if errors:
        raise ValidationError(errors)
    check = AgencyCheck.objects.create(contact=contact, agency=agency, agency_name=agency_name.strip(),
                                       asked_on=asked_on, response=response.strip(), recorded_by=actor)
    audit_contact(actor=actor, action=Action.CREATE, contact=contact, object_type=AGENCY_CHECK, object_id=check.pk,
                  changes={"agency": [None, check.agency_label]})
    return check


@atomic
def screening_notes_save(*, actor, contact: Contact, expected_version: int, notes: str) -> Contact:
    """Notes can be rewritten while screening goes on; the notes a save replaces are kept."""
    require_screening(actor, contact)
    require_open(contact)
    before = text_at_version(Contact, contact.pk, expected_version, ("screening_notes", "screener_id"),
                             what="this contact")
    bump_version(contact, expected_version, what="this contact")
    contact.screening_notes, contact.screener = notes.strip(), actor
    contact.save(update_fields=["screening_notes", "screener"])
    children = linked_children(contact)
    keep_replaced(actor=actor, record_type="contact", record_id=contact.pk, child_id=children[0] if children else None,
                  version=expected_version, before=before, after={"screening_notes": contact.screening_notes},
                  labels={"screening_notes": "Screening notes"}, written_by_id=before["screener_id"])
    audit_contact(actor=actor, action=Action.UPDATE, contact=contact,
                  changes={"screening_notes": [len(before["screening_notes"]), len(contact.screening_notes)]},
                  detail="screening notes (lengths kept, not the words; earlier notes kept as versions)")
    return contact
