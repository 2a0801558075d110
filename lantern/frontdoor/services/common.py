"""Pieces every front door write shares: the stale-save check, the decision clock, and the
audit row that names the contact's first linked child."""

from datetime import date

from django.core.exceptions import ValidationError

from lantern.audit_log.services import audit_record
from lantern.frontdoor.audit_types import CONTACT
from lantern.obligations.clock import current_clock
from lantern.service_layer.concurrency import ConcurrentEditError
from lantern.timescales.deadlines import compute_deadline
from lantern.timescales.rules import rule_for

from ..codes import PersonRole
from ..models import Contact

DECISION_RULE = "referral_decision"
OBLIGATION_SOURCE = "frontdoor.contact"


def decision_due_for(received_on: date) -> date:
    """The statutory clock's due date for the front door decision (1 working day, day 0 = receipt)."""
    clock = current_clock()
    return compute_deadline(rule_for(DECISION_RULE), received_on, calendar=clock.calendar,
                            policy=clock.policy).due_date


def require_current(contact: Contact, expected_version: int) -> None:
    """Refuse early, before checking the answers, when the screen the user decided on is out of date."""
    if not Contact.objects.filter(pk=contact.pk, version=expected_version).exists():
        raise ConcurrentEditError(what="this contact")


def linked_children(contact: Contact) -> list[int]:
    return list(contact.people.filter(role=PersonRole.CHILD, person__isnull=False).order_by("id")
                .values_list("person_id", flat=True))


def audit_contact(*, actor, action, contact: Contact, changes=None, detail: str = "", object_type=CONTACT,
                  object_id=None) -> None:
    """One audit row per action, filed under the contact's first linked child and shown on every
    other linked child's access log too."""
    children = linked_children(contact)
    audit_record(actor=actor, action=action, object_type=object_type, object_id=object_id or contact.pk,
                 child_id=children[0] if children else None, children=children, changes=changes, detail=detail)


def require_open(contact: Contact) -> None:
    if not contact.is_open:
        raise ValidationError("This contact has been decided, so it can no longer be changed")
