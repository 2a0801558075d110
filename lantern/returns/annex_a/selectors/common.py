"""What every Annex A list shares: the child's own columns (ID, gender, ethnicity, date of birth,
age, disability) and the team and worker holding the child, read for a whole list in a fixed
number of queries from a subquery of the list's children, never child by child."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import QuerySet

from lantern.people.models import LANTERN_ID_PREFIX, Allocation, Person, PersonDisability

from ..codes import ETHNICITY, GENDER, NO, UNKNOWN, YES
from ..period import Period


@dataclass(frozen=True)
class Child:
    unique_id: str
    gender: str
    ethnicity: str
    date_of_birth: date | None
    age: int | None
    disability: str
    team: str
    worker: str
    restricted: bool = False

    @property
    def identity(self) -> tuple:
        """Child Unique ID, Gender, Ethnicity, Date of Birth, Age of Child (Years): every list opens with these."""
        return (self.unique_id, self.gender, self.ethnicity, self.date_of_birth, self.age)


@dataclass
class ListRows:
    """One list's rows (cells in column order, each with the child it is about) and what the reader
    should know about this run (records left out, and why)."""

    rows: list[tuple[int, tuple]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    people: dict[int, "Child"] = field(default_factory=dict)

    @property
    def children(self) -> set[int]:
        return {child_id for child_id, _ in self.rows}

    def finish(self, people: dict[int, "Child"]) -> "ListRows":
        """Keep the rows whose child was found, ordered by Child Unique ID and then by the row's
        own cells (its dates first), so a re-run gives the same file."""
        self.people = people
        self.rows = [row for row in self.rows if row[0] in people]
        self.rows.sort(key=lambda row: (people[row[0]].unique_id, [c for c in row[1] if isinstance(c, date)],
                                        [_sortable(c) for c in row[1]]))
        return self


def _sortable(cell) -> tuple:
    if cell is None:
        return (0, "")
    return (1, cell.isoformat() if isinstance(cell, date) else str(cell))


def upto(day: date | None, end: date) -> date | None:
    """A date as it stood at the end of the period: a later one had not happened yet."""
    return day if day is not None and day <= end else None


def age_on(born: date | None, on: date) -> int | None:
    if born is None or born > on:
        return None
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _disability(codes: list[str]) -> str:
    if not codes:
        return UNKNOWN
    return YES if any(code != "NONE" for code in codes) else NO


def _name(first: str | None, last: str | None, username: str | None) -> str:
    return " ".join(p for p in (first, last) if p) or (username or "")


def _holders(child_ids: QuerySet, end: date) -> dict[int, tuple[str, str]]:
    """The team and worker holding each child at the end of the period: the allocation open on
    that day, or else the last one that began by then (a closed case shows who held it last)."""
    open_at_end: dict[int, tuple[str, str]] = {}
    latest: dict[int, tuple[str, str]] = {}
    rows = (Allocation.objects.filter(child_id__in=child_ids, start_date__lte=end)
            .order_by("child_id", "start_date", "id")
            .values_list("child_id", "end_date", "team__name", "worker__first_name", "worker__last_name",
                         "worker__username"))
    for child_id, ended, team, first, last, username in rows:
        holder = (team or "", _name(first, last, username))
        latest[child_id] = holder
        if ended is None or ended >= end:
            open_at_end[child_id] = holder
    return {**latest, **open_at_end}


def children_for(child_ids: QuerySet, period: Period) -> dict[int, Child]:
    """Every child of a list, keyed by record id. ``child_ids`` is a values() queryset of ids."""
    from lantern.returns.models import CensusChild

    disabilities: defaultdict[int, list[str]] = defaultdict(list)
    for person_id, code in PersonDisability.objects.filter(person_id__in=child_ids).values_list("person_id", "code"):
        disabilities[person_id].append(code)
    census_ids = dict(CensusChild.objects.filter(person_id__in=child_ids).values_list("person_id", "la_child_id"))
    holders = _holders(child_ids, period.end)
    people = Person.objects.filter(pk__in=child_ids).values_list(
        "id", "sex", "ethnicity", "date_of_birth", "is_restricted", "current_team__name", "current_worker__first_name",
        "current_worker__last_name", "current_worker__username")
    found = {}
    for pk, sex, ethnicity, born, restricted, team, first, last, username in people:
        held_by = holders.get(pk) or (team or "", _name(first, last, username))
        found[pk] = Child(unique_id=census_ids.get(pk) or f"{LANTERN_ID_PREFIX}{pk:07d}",
                          gender=GENDER.get(sex, GENDER["U"]),
                          ethnicity=ETHNICITY.get(ethnicity, ETHNICITY["NOBT"]), date_of_birth=born,
                          age=age_on(born, period.end), disability=_disability(disabilities.get(pk, [])),
                          team=held_by[0], worker=held_by[1], restricted=restricted)
    return found
