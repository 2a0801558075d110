"""The front door's entries in a child's chronology: each contact about the child, and each
decision that took effect on one."""

from lantern.chronology.registry import ChronologyEvent

from .codes import ContactStatus, DecisionStatus
from .models import Contact, ContactDecision


def contact_events(child):
    contacts = (Contact.objects.filter(people__person=child).exclude(status=ContactStatus.DRAFT).distinct()
                .order_by("received_at"))
    for c in contacts:
        yield ChronologyEvent(kind="contact", key=f"contact:{c.pk}", on=c.received_on,
                              title=f"Contact from {c.get_source_display()} ({c.reference})",
                              detail=c.get_channel_display(), link=f"/front-door/contacts/{c.pk}/")


def decision_events(child):
    decisions = (ContactDecision.objects.filter(contact__people__person=child, status=DecisionStatus.FINAL)
                 .select_related("contact", "threshold_level").distinct())
    for d in decisions:
        yield ChronologyEvent(kind="frontdoor_decision", key=f"frontdoor-decision:{d.pk}", on=d.effective_on,
                              title=f"Front door decision: {d.get_outcome_display()}",
                              detail=f"Level of need: {d.threshold_level}",
                              link=f"/front-door/contacts/{d.contact_id}/")


KINDS = (("contact", "Contacts", contact_events), ("frontdoor_decision", "Front door decisions", decision_events))
