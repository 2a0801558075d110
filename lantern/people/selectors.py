"""Reads of children's records. Callers pass a child already fetched through the access policy."""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError

from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.people.audit_types import PERSON

from .codes import Disability
from .models import Allocation, Involvement, Person, PersonAddress, Relationship
from .search import likely_duplicates


@dataclass
class ChildSummary:
    child: Person
    disabilities: list[str]
    addresses: list[PersonAddress]
    relationships: list[Relationship]
    allocations: list[Allocation]
    involvements: list[Involvement]
    hidden_relatives: set[int] = field(default_factory=set)

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


def child_summary(child: Person, sections: frozenset[str], *, reader=None) -> ChildSummary:
    """Everything the one-page summary shows, in a fixed number of queries, only for the sections
    this reader may see; relatives whose own record the reader cannot open are named by
    relationship only (``hidden_relatives``)."""
    def rows(section, queryset):
        return list(queryset) if section in sections else []

    summary = ChildSummary(
        child=child,
        disabilities=rows("characteristics", child.disabilities.order_by("code").values_list("code", flat=True)),
        addresses=rows("addresses", PersonAddress.objects.filter(person=child).select_related("address")),
        relationships=rows("family", Relationship.objects.filter(child=child).select_related("relative")
                           .order_by("relationship_type", "relative__last_name")),
        allocations=rows("allocation", Allocation.objects.filter(child=child).select_related("team", "worker")),
        involvements=rows("professionals", Involvement.objects.filter(child=child)
                          .select_related("agency", "practitioner")),
    )
    if reader is not None:
        summary.hidden_relatives = hidden_relatives(reader, summary.relationships)
    return summary



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


WITHHELD = "A child whose record you cannot open"
OTHER_RECORDS_MAY_MATCH = ("Lantern may also hold a record for this child that you cannot open: ask the front door "
                           "to check before recording the child again.")


def hidden_relatives(user, relationships: list[Relationship]) -> set[int]:
    """Relatives with a child record of their own that this reader cannot open: shown only as a
    relationship, never by name or date of birth (a restricted sibling must not leak through the
    family list of a child the reader can see)."""
    from lantern.access.policy import visible_children

    children = {r.relative_id for r in relationships if r.relative.is_child_record}
    if not children:
        return set()
    return children - set(visible_children(user).filter(pk__in=children).values_list("pk", flat=True))


@dataclass
class DuplicateCheck:
    shown: list[Person] = field(default_factory=list)
    # Matches the checker may not open (restricted, or outside their reach): never named, but the
    # checker is told to ask before recording the child again.
    others: bool = False

    @property
    def any(self) -> bool:
        return bool(self.shown) or self.others


def duplicate_check(user, *, first_name: str, last_name: str, date_of_birth: date | None, nhs_number: str = "",
                    upn: str = "", detail: str = "") -> DuplicateCheck:
    """Children who may already have a record, as far as this person may see them; audited with
    every child it matched, seen or not, so each child's access log shows the check."""
    from lantern.access.policy import visible_children

    found = likely_duplicates(Person.objects.filter(is_child_record=True), first_name=first_name,
                              last_name=last_name, date_of_birth=date_of_birth, nhs_number=nhs_number, upn=upn)
    if not found:
        return DuplicateCheck()
    visible = set(visible_children(user).filter(pk__in=[p.pk for p in found]).values_list("pk", flat=True))
    result = DuplicateCheck(shown=[p for p in found if p.pk in visible], others=len(visible) < len(found))
    audit_record(actor=user, action=Action.DUPLICATE_CHECK, object_type=PERSON, children=[p.pk for p in found],
                 detail=f"{detail}{len(result.shown)} possible matches shown"
                        f"{'; others the checker cannot open matched' if result.others else ''}")
    return result
