"""Telling the front door that the strategy discussion its decision asked for has happened, so the
child leaves its 'Strategy discussion needed' list (through the front door's own service)."""

from lantern.frontdoor.codes import DecisionStatus, Outcome, PersonRole
from lantern.frontdoor.models import Contact


def mark_front_door_arranged(actor, episode) -> int:
    from lantern.frontdoor.services import strategy_arranged

    waiting = Contact.objects.filter(
        people__role=PersonRole.CHILD, people__person_id=episode.child_id, people__episode=episode,
        decisions__status=DecisionStatus.FINAL, decisions__outcome=Outcome.STRATEGY,
        strategy_arranged_at__isnull=True).distinct()
    contacts = list(waiting)
    for contact in contacts:
        strategy_arranged(actor=actor, contact=contact)
    return len(contacts)
