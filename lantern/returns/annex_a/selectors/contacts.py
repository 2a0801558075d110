"""List 1, contacts: every child named on a contact received in the period, one row per contact.
A child the front door has not yet matched to a record has no Child Unique ID: counted in the
notes, left out of the rows."""

from lantern.frontdoor.codes import ContactStatus, PersonRole
from lantern.frontdoor.models import ContactPerson

from ..codes import SOURCE
from ..period import Period
from .common import ListRows, children_for


def contact_rows(period: Period) -> ListRows:
    mentions = (ContactPerson.objects.filter(role=PersonRole.CHILD, contact__received_on__gte=period.start,
                                             contact__received_on__lte=period.end)
                .exclude(contact__status=ContactStatus.DRAFT))
    matched = mentions.filter(person__is_child_record=True)
    result = ListRows()
    for child_id, received, source in matched.values_list("person_id", "contact__received_on", "contact__source"):
        result.rows.append((child_id, (received, SOURCE.get(source, source))))
    unmatched = mentions.filter(person__isnull=True).count()
    if unmatched:
        result.notes.append(f"List 1: {unmatched:,} child{'ren' if unmatched != 1 else ''} named on contacts in the "
                            "period had not been matched to a record, so have no Child Unique ID and are left out.")
    return result.finish(children_for(matched.values("person_id"), period))
