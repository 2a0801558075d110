"""The child's summary gets a list of the contacts about them, newest first."""

from datetime import timedelta

from lantern.people.panels import Panel

from .codes import ContactStatus, DecisionStatus
from .models import Contact, ContactDecision
from .permissions import front_door_staff

SHOWN = 10


def contacts_context(*, request, child, today) -> dict:
    contacts = list(Contact.objects.filter(people__person=child).exclude(status=ContactStatus.DRAFT).distinct()
                    .order_by("-received_at")[:SHOWN])
    final = {d.contact_id: d for d in ContactDecision.objects.filter(contact__in=contacts,
                                                                    status=DecisionStatus.FINAL)}
    rows = [(c, final.get(c.pk)) for c in contacts]
    year_ago = today - timedelta(days=365)
    in_year = Contact.objects.filter(people__person=child, received_on__gte=year_ago).exclude(
        status=ContactStatus.DRAFT).distinct().count()
    return {"rows": rows, "in_year": in_year, "can_open": front_door_staff(request.user), "shown": SHOWN}


CHILD_PANELS = (Panel(key="frontdoor_contacts", title="Contacts", template="frontdoor/panel_contacts.html",
                      context=contacts_context, section="casework", order=20),)
