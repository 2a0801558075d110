"""The people a contact names: adding one, and matching each to a Lantern record (an existing one, a
new child record, or a new family member of a matched child), as the screening pages do."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from lantern.access.policy import OutOfReach
from lantern.people.models import Person

from .. import schemas as s
from ..codes import PersonRole
from ..models import Contact, ContactPerson
from ..services import contact_adult_create, contact_child_create, contact_person_add, contact_person_link
from .router import router
from .shapes import person_out, screened

PERSON = "/frontdoor/contacts/{contact_id}/people/{contact_person_id}"
# The same words whether the record is missing, restricted or out of reach, as on the page.
NO_RECORD = "No record you can open has that id: if it may be restricted, ask a manager"


def _named(contact: Contact, contact_person_id: int) -> ContactPerson:
    mention = next((m for m in contact.people.all() if m.pk == contact_person_id), None)
    if mention is None:
        raise Http404("That person is not named on this contact")
    return mention


@router.post("/frontdoor/contacts/{contact_id}/people", response={201: s.PersonOut},
             summary="Add a child or adult to a contact",
             description="Someone the screening found. Send the contact's version you read (409 if stale).")
def person_add(request, contact_id: int, payload: s.ContactPersonAddIn):
    contact = screened(request, contact_id)
    data = payload.dict(exclude={"version"})
    return 201, person_out(contact_person_add(actor=request.auth, contact=contact, expected_version=payload.version,
                                              data=data))


@router.post(f"{PERSON}/match", response=s.PersonOut, summary="Match a named person to a record Lantern holds",
             description="A named child to a child record you may open; a named adult to a relative of a child "
                         "already matched on the contact. Check likely duplicates first with GET /api/v1/children.")
def person_match(request, contact_id: int, contact_person_id: int, payload: s.ContactPersonMatchIn):
    contact = screened(request, contact_id)
    mention = _named(contact, contact_person_id)
    person = Person.objects.filter(pk=payload.person_id).first()
    try:
        if person is None:
            raise OutOfReach()
        matched = contact_person_link(actor=request.auth, contact=contact, expected_version=payload.version,
                                      mention=mention, person=person)
    except PermissionDenied:
        raise ValidationError({"person_id": NO_RECORD}) from None
    return person_out(matched)


@router.post(f"{PERSON}/child-record", response={201: s.PersonOut},
             summary="Create a child record for a named child, and match them to it",
             description="Only when no record is this child: check likely duplicates first (GET /api/v1/children, "
                         "or POST /api/v1/children answers them with 409).")
def person_child_record(request, contact_id: int, contact_person_id: int, payload: s.ContactChildRecordIn):
    contact = screened(request, contact_id)
    mention = _named(contact, contact_person_id)
    data = payload.dict(exclude={"version", "disabilities"})
    matched = contact_child_create(actor=request.auth, contact=contact, expected_version=payload.version,
                                   mention=mention, data=data, disabilities=payload.disabilities)
    return 201, person_out(matched)


@router.post(f"{PERSON}/family-member", response={201: s.PersonOut},
             summary="Record a named adult as a family member of a matched child, and match them",
             description="The adult's name, date of birth and sex come from the contact.")
def person_family_member(request, contact_id: int, contact_person_id: int, payload: s.ContactFamilyMemberIn):
    contact = screened(request, contact_id)
    mention = _named(contact, contact_person_id)
    child = next((m.person for m in contact.people.all()
                  if m.role == PersonRole.CHILD and m.person_id and m.person_id == payload.child_id), None)
    if child is None:
        raise ValidationError({"child_id": "Choose a child already matched on this contact"})
    matched = contact_adult_create(actor=request.auth, contact=contact, expected_version=payload.version,
                                   mention=mention, child=child, relationship_type=payload.relationship_type,
                                   lives_with_child=payload.lives_with_child,
                                   has_parental_responsibility=payload.has_parental_responsibility)
    return 201, person_out(matched)
