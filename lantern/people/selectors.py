"""Reads of children's records. Callers pass a child already fetched through the access policy."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError

from .codes import Disability
from .models import Allocation, Involvement, Person, PersonAddress, Relationship


@dataclass
class ChildSummary:
    child: Person
    disabilities: list[str]
    addresses: list[PersonAddress]
    relationships: list[Relationship]
    allocations: list[Allocation]
    involvements: list[Involvement]

    @property
    def current_address(self) -> PersonAddress | None:
        return next((a for a in self.addresses if a.moved_out is None), None)

    @property
    def disability_labels(self) -> list[str]:
        return [Disability(code).label for code in self.disabilities]

    @property
    def household(self) -> list[Relationship]:
        return [r for r in self.relationships if r.lives_with_child]

    @property
    def worker_changes(self) -> int:
        workers = [a.worker_id for a in reversed(self.allocations) if a.worker_id]
        return sum(1 for before, after in zip(workers, workers[1:], strict=False) if before != after)


def child_summary(child: Person, sections: frozenset[str]) -> ChildSummary:
    """Everything the one-page summary shows, in a fixed number of queries, only for the sections
    this reader may see."""
    def rows(section, queryset):
        return list(queryset) if section in sections else []

    return ChildSummary(
        child=child,
        disabilities=rows("characteristics", child.disabilities.order_by("code").values_list("code", flat=True)),
        addresses=rows("addresses", PersonAddress.objects.filter(person=child).select_related("address")),
        relationships=rows("family", Relationship.objects.filter(child=child).select_related("relative")
                           .order_by("relationship_type", "relative__last_name")),
        allocations=rows("allocation", Allocation.objects.filter(child=child).select_related("team", "worker")),
        involvements=rows("professionals", Involvement.objects.filter(child=child)
                          .select_related("agency", "practitioner")),
    )



def relative_for_link(user, pk: int) -> Person:
    """A person this user may link as a relative: a child whose record they can see, or an adult
    already related to such a child. Anyone else is reported as not found, revealing nothing."""
    from lantern.access.policy import visible_children

    visible = visible_children(user)
    person = Person.objects.filter(pk=pk).first()
    if person is not None and (
        visible.filter(pk=pk).exists() if person.is_child_record
        else Relationship.objects.filter(relative=person, child__in=visible).exists()
    ):
        return person
    raise ValidationError({"relative_id": "No person you can see has that Lantern ID"})
