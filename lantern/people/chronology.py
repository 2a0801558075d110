"""The people app's entries in a child's chronology: allocations (changes of team or worker) and
moves of address."""

from lantern.chronology.registry import ChronologyEvent, register_kind

from .models import Allocation, PersonAddress


def allocation_events(child):
    for a in Allocation.objects.filter(child=child).select_related("team", "worker"):
        who = f"{a.worker} ({a.team})" if a.worker else f"{a.team}, no allocated worker"
        yield ChronologyEvent(kind="allocation", key=f"allocation:{a.pk}", on=a.start_date,
                              title=f"Allocated to {who}", detail=a.reason, link=f"/children/{child.pk}/#allocation")


def address_events(child):
    for r in PersonAddress.objects.filter(person=child).select_related("address"):
        yield ChronologyEvent(kind="address", key=f"address:{r.pk}", on=r.moved_in,
                              title=f"Moved to {r.address.town} {r.address.postcode}",
                              link=f"/children/{child.pk}/#addresses")


def register() -> None:
    register_kind("allocation", "Allocations and transfers", allocation_events)
    register_kind("address", "Changes of address", address_events)
