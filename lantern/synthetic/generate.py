"""Generating a whole fictional authority, stage by stage, with bulk inserts.

Everything is drawn from ``random.Random`` instances seeded from the one seed (never the global
generator), so the same seed, size and date give the same authority. The whole run is one
transaction: a failure part-way leaves nothing behind."""

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from random import Random

from django.db import connection
from django.utils import timezone

from lantern.access.models import NamedAccess
from lantern.accounts.models import Agency, Service, Team, User
from lantern.audit_log.services import audit_record
from lantern.audit_log.transactions import atomic
from lantern.people.models import (
    Address,
    Allocation,
    Involvement,
    NameKey,
    Person,
    PersonAddress,
    PersonDisability,
    Relationship,
)
from lantern.synthetic.audit_types import SYNTHETIC_AUTHORITY

from .casework import CaseworkPlan, CaseworkPlanner
from .families import FamilyBuilder
from .identifiers import NhsNumbers, Upns
from .organisation import build_organisation
from .people import Population
from .places import AUTHORITY_NAME
from .rows import Inserter, address_history, name_keys, next_id, relationships, reset_sequences

GENERATED_MODELS = [Service, Team, Agency, User, Person, Address, PersonAddress, Relationship, PersonDisability,
                    NameKey, Allocation, Involvement, NamedAccess]
PERSON_COLUMNS = ("first_name", "middle_names", "last_name", "known_as", "date_of_birth", "expected_date_of_birth",
                  "sex", "ethnicity", "first_language", "interpreter_required", "religion", "nhs_number", "upn",
                  "is_child_record", "is_restricted", "current_team_id", "current_worker_id")
Report = Callable[[str, float], None]  # (stage, fraction done 0..1)


@dataclass
class Summary:
    children: int
    seed: int
    stages: list[tuple[str, int, float]] = field(default_factory=list)  # (stage, rows written, seconds)
    counts: dict[str, int] = field(default_factory=dict)  # rows written per table

    @property
    def seconds(self) -> float:
        return sum(s for _, _, s in self.stages)


class _Stage:
    def __init__(self, summary: Summary, name: str, report: Report | None):
        self.summary, self.name, self.report = summary, name, report
        self.rows = 0

    def start(self) -> "_Stage":
        self.started = time.perf_counter()
        self.progress(0.0)
        return self

    def stop(self) -> None:
        self.progress(1.0)
        self.summary.stages.append((self.name, self.rows, time.perf_counter() - self.started))

    def __enter__(self):
        return self.start()

    def progress(self, fraction: float) -> None:
        if self.report:
            self.report(self.name, min(1.0, fraction))

    def __exit__(self, kind, value, tb):
        if kind is None:
            self.stop()


def plan_population(seed: int, children: int, agencies, today: date, nhs_taken=(), upn_taken=(),
                    progress: Callable[[int], None] | None = None) -> Population:
    """The children and their families, in memory. Pure: no database access."""
    builder = FamilyBuilder(Random(f"{seed}:families"), today, agencies, NhsNumbers(Random(f"{seed}:nhs"),
                            set(nhs_taken)), Upns(set(upn_taken)), expected_households=children * 10 // 21 + 1)
    return builder.build(children, progress)


def generate_authority(children: int = 85_000, seed: int = 2013, *, batch_size: int = 5_000,
                       today: date | None = None, report: Report | None = None) -> Summary:
    today = today or timezone.localdate()
    summary = Summary(children=children, seed=seed)
    with atomic():
        with _Stage(summary, "organisation", report) as stage:
            org = build_organisation(Random(f"{seed}:organisation"), children, today)
            summary.counts.update(org.created)
            stage.rows = sum(org.created.values())
        with _Stage(summary, "plan", report) as stage:
            nhs_taken = Person.objects.filter(nhs_number__startswith="999").values_list("nhs_number", flat=True)
            upn_taken = Person.objects.exclude(upn="").values_list("upn", flat=True)
            population = plan_population(seed, children, org.agencies, today, nhs_taken, upn_taken,
                                         lambda made: stage.progress(0.9 * made / children))
            casework = CaseworkPlanner(Random(f"{seed}:casework"), today, population, org).build()
        person_base = next_id(Person)
        _people(summary, population, casework, person_base, batch_size, report)
        _addresses(summary, population, person_base, batch_size, report)
        _family(summary, population, person_base, batch_size, report)
        _search_index(summary, population, person_base, batch_size, report)
        _casework(summary, casework, person_base, batch_size, report)
        finish = _Stage(summary, "finish", report).start()
        reset_sequences(GENERATED_MODELS)
        audit_record(actor=None, action="create", object_type=SYNTHETIC_AUTHORITY,
                     detail=f"Synthetic {AUTHORITY_NAME}: {children:,} children, seed {seed}, "
                            f"{sum(summary.counts.values()):,} rows")
    # The commit is part of the work: PostgreSQL checks the deferred foreign keys of every row then.
    finish.stop()
    if connection.vendor in ("postgresql", "sqlite"):
        with _Stage(summary, "statistics", report), connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh planner statistics for the pages that read these tables next
    return summary


def _people(summary, population, casework: CaseworkPlan, base, batch_size, report) -> None:
    restricted = set(casework.restricted)
    people = population.people
    with _Stage(summary, "people", report) as stage:
        rows = Inserter(Person, PERSON_COLUMNS, batch_size)
        rows.next_id = base
        current = casework.current
        for i, p in enumerate(people):
            team, worker = current.get(i, (None, None))
            rows.add((p.first, p.middle, p.last, p.known_as, p.dob, p.edd, p.sex, p.ethnicity, p.language,
                      p.interpreter, p.religion, p.nhs, p.upn, p.is_child, i in restricted, team, worker))
            if i % 5_000 == 0:
                stage.progress(i / len(people))
        rows.flush()
        stage.rows = summary.counts["people"] = rows.count


def _addresses(summary, population, base, batch_size, report) -> None:
    with _Stage(summary, "addresses", report) as stage:
        addresses = Inserter(Address, ("line_1", "line_2", "town", "postcode"), batch_size)
        address_base = addresses.next_id
        for address in population.addresses:
            addresses.add(address)
        addresses.flush()
        history = Inserter(PersonAddress, ("person_id", "address_id", "moved_in", "moved_out"), batch_size)
        homes = population.households
        for n, home in enumerate(homes):
            for person, address, moved_in, moved_out in address_history(population, home):
                history.add((base + person, address_base + address, moved_in, moved_out))
            if n % 2_000 == 0:
                stage.progress(0.3 + 0.7 * n / len(homes))
        history.flush()
        summary.counts["addresses"], summary.counts["person addresses"] = addresses.count, history.count
        stage.rows = addresses.count + history.count


def _family(summary, population, base, batch_size, report) -> None:
    with _Stage(summary, "family", report) as stage:
        links = Inserter(Relationship, ("child_id", "relative_id", "relationship_type", "lives_with_child",
                                        "has_parental_responsibility", "start_date"), batch_size)
        disabilities = Inserter(PersonDisability, ("person_id", "code"), batch_size)
        homes, people = population.households, population.people
        for n, home in enumerate(homes):
            for child, relative, kind, lives, pr, start in relationships(home):
                links.add((base + child, base + relative, kind, lives, pr, start))
            for child in home.children:
                for code in people[child].disabilities:
                    disabilities.add((base + child, code))
            if n % 2_000 == 0:
                stage.progress(n / len(homes))
        links.flush()
        disabilities.flush()
        summary.counts["relationships"], summary.counts["disabilities"] = links.count, disabilities.count
        stage.rows = links.count + disabilities.count


def _search_index(summary, population, base, batch_size, report) -> None:
    with _Stage(summary, "search index", report) as stage:
        keys = Inserter(NameKey, ("person_id", "key"), batch_size)
        people = population.people
        for i, p in enumerate(people):
            for key in name_keys(p.first, p.middle, p.last, p.known_as):
                keys.add((base + i, key))
            if i % 5_000 == 0:
                stage.progress(i / len(people))
        keys.flush()
        stage.rows = summary.counts["name keys"] = keys.count


def _casework(summary, casework: CaseworkPlan, base, batch_size, report) -> None:
    with _Stage(summary, "casework", report) as stage:
        allocations = Inserter(Allocation, ("child_id", "team_id", "worker_id", "start_date", "end_date", "reason"),
                               batch_size)
        for child, *rest in casework.allocations:
            allocations.add((base + child, *rest))
        allocations.flush()
        stage.progress(0.5)
        involvements = Inserter(Involvement, ("child_id", "agency_id", "practitioner_id", "practitioner_name", "role",
                                              "contact_details", "start_date"), batch_size)
        for child, *rest in casework.involvements:
            involvements.add((base + child, *rest))
        involvements.flush()
        named = Inserter(NamedAccess, ("child_id", "user_id", "granted_by_id"), batch_size)
        for child, user, granted_by in casework.named:
            named.add((base + child, user, granted_by))
        named.flush()
        summary.counts.update({"allocations": allocations.count, "involvements": involvements.count,
                               "named access": named.count})
        stage.rows = allocations.count + involvements.count + named.count

