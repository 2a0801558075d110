"""Who may read a contact, and what of it, beside the one access policy (lantern.access.policy).

The front door screens contacts about any child. But once a contact is matched to a restricted
record, it shows only that a restricted record matched, and who to go to, until the reader is one
of that record's named people or breaks the glass on it: the concern, the household and every name
on the contact are the restricted child's story. Anyone outside the front door reaches a contact
only through a matched child whose record they may open, and sees the other children matched on
it only if they may open those records too."""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied

from lantern.access.models import NamedAccess
from lantern.access.policy import OutOfReach, can_break_glass, require_permission, visible_children
from lantern.audit_log.refusals import audit_refusal
from lantern.frontdoor.audit_types import CONTACT
from lantern.people.models import Person

from .codes import PersonRole
from .models import Contact, ContactPerson
from .permissions import front_door_staff, require_front_door_staff
from .selectors.screening import contact_for_screening


@dataclass
class RestrictedMatch:
    child: Person
    named: list[str]  # the staff named on the record: who to go to
    may_break_glass: bool


class ContactRestricted(PermissionDenied):
    """The contact is matched to a restricted record this reader may not open."""

    def __init__(self, contact: Contact, matches: list[RestrictedMatch]):
        names = "; ".join(name for m in matches for name in m.named) or "a manager of the team that holds the record"
        super().__init__(f"This contact is about a child whose record is restricted. Ask: {names}")
        self.contact, self.matches = contact, matches

    def response_for(self, request):
        from django.shortcuts import render

        return render(request, "frontdoor/restricted_contact.html",
                      {"contact": self.contact, "matches": self.matches}, status=403)


@dataclass
class ContactView:
    contact: Contact
    screening: bool  # the reader works the front door and may screen and decide
    withheld: set[int] = field(default_factory=set)  # ContactPerson ids shown without their details

    def shown(self, mention: ContactPerson) -> bool:
        return mention.pk not in self.withheld


def _matched_children(contact: Contact) -> list[ContactPerson]:
    return [m for m in contact.people.all() if m.role == PersonRole.CHILD and m.person_id]


def _restricted_matches(user, contact: Contact, hidden: list[ContactPerson]) -> list[RestrictedMatch]:
    restricted = [m.person for m in hidden if m.person is not None and m.person.is_restricted]
    named = NamedAccess.objects.filter(child__in=restricted).select_related("user").order_by("user__last_name")
    names: dict[int, list[str]] = {}
    for access in named:
        names.setdefault(access.child_id, []).append(f"{access.user.get_full_name()} ({access.user.email})")
    return [RestrictedMatch(child, names.get(child.pk, []), can_break_glass(user, child)) for child in restricted]


def contact_view(user, pk: int, *, screening: bool = False) -> ContactView:
    """The contact as this reader may see it, or a refusal: not found (404) when they reach no
    child on it, restricted (403, saying who to go to) when a restricted record matched it, and a
    plain 403 when ``screening`` is asked of someone outside the front door."""
    front_door = front_door_staff(user)
    if screening and not front_door:
        raise PermissionDenied("This is for the front door team")
    if not front_door:
        require_permission(user, "frontdoor.contact_read")
    contact = contact_for_screening(pk)
    if contact is None:
        raise OutOfReach("No contact you can see has that reference")
    children = _matched_children(contact)
    visible = set(visible_children(user).filter(pk__in=[m.person_id for m in children]).values_list("pk", flat=True))
    hidden = [m for m in children if m.person_id not in visible]
    if not front_door and not visible:
        _refuse(user, contact, children, "contact outside this person's reach")
        raise OutOfReach("No contact you can see has that reference")
    restricted = _restricted_matches(user, contact, hidden)
    if restricted:
        _refuse(user, contact, children, "contact matched to a restricted record")
        raise ContactRestricted(contact, restricted)
    return ContactView(contact, screening=front_door, withheld={m.pk for m in hidden})


def require_screening(user, contact: Contact, permission: str = "frontdoor.screen") -> None:
    """For every front door write: the front door team only, and never on a contact matched to a
    restricted record the writer may not open."""
    require_front_door_staff(user, permission)
    contact_view(user, contact.pk, screening=True)


def _refuse(user, contact: Contact, children: list[ContactPerson], basis: str) -> None:
    ids = [m.person_id for m in children if m.person_id is not None]
    audit_refusal(actor=user, object_type=CONTACT, object_id=contact.pk, child_id=ids[0] if ids else None,
                  children=ids, detail=basis)


def restricted_hidden(user, person_ids) -> set[int]:
    """Of these matched people, the restricted child records this reader may not open: lists show
    such a contact only as "a restricted record matched"."""
    restricted = set(Person.objects.filter(pk__in=set(person_ids), is_child_record=True, is_restricted=True)
                     .values_list("pk", flat=True))
    if not restricted:
        return set()
    return restricted - set(visible_children(user).filter(pk__in=restricted).values_list("pk", flat=True))
