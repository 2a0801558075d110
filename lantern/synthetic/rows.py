"""Turning the in-memory plan into rows: batched ``bulk_create`` with preassigned primary keys."""

from functools import lru_cache

from django.core.management.color import no_style
from django.db import connection
from django.db.models import Max

from lantern.people.codes import RelationshipType
from lantern.people.search_keys import keys_for_person

from .people import Household, Population

R = RelationshipType


def next_id(model) -> int:
    return (model.objects.aggregate(m=Max("id"))["m"] or 0) + 1


class Inserter:
    """Collects unsaved objects with explicit ids and writes them ``batch_size`` at a time."""

    def __init__(self, model, batch_size: int):
        self.model, self.batch_size = model, batch_size
        self.next_id = next_id(model)
        self.batch: list = []
        self.count = 0

    def add(self, **fields) -> int:
        pk = self.next_id
        self.batch.append(self.model(id=pk, **fields))
        self.next_id += 1
        if len(self.batch) >= self.batch_size:
            self.flush()
        return pk

    def flush(self) -> None:
        if self.batch:
            self.model.objects.bulk_create(self.batch, batch_size=self.batch_size)
            self.count += len(self.batch)
            self.batch = []


def reset_sequences(models) -> None:
    """After inserting explicit ids, move PostgreSQL's sequences past them (SQLite needs nothing)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)


@lru_cache(maxsize=200_000)
def _keys_of(value: str) -> frozenset[str]:
    # Names are matched word by word and the words of different fields never run together, so the
    # keys of a person are the union of the keys of each field on its own (checked by the tests).
    return frozenset(keys_for_person(value, "", "", ""))


def name_keys(first: str, middle: str, last: str, known_as: str) -> list[str]:
    return sorted(_keys_of(first) | _keys_of(middle) | _keys_of(last) | _keys_of(known_as))


def relationships(home: Household) -> list[tuple[int, int, str, bool, bool, object]]:
    """(child, relative, type, lives with child, parental responsibility, start) for one household."""
    rows = []
    for child in home.children:
        rows.append((child, home.mother, R.MOTHER, True, True, None))
        if home.father is not None:
            rows.append((child, home.father, R.FATHER, home.father_lives, home.father_pr, None))
        if home.carer is not None:
            rows.append((child, home.carer, home.carer_type, True, home.carer_pr, home.carer_start))
        if home.grandparent is not None:
            rows.append((child, home.grandparent, R.GRANDPARENT, True, False, None))
        for sibling in home.children:
            if sibling != child:
                rows.append((child, sibling, R.SIBLING, True, False, None))
    return rows


def address_history(pop: Population, home: Household) -> list[tuple[int, int, object, object]]:
    """(person, address, moved in, moved out) for everyone in one household."""
    rows = []
    mother = pop.people[home.mother]
    for person in [home.mother, *home.children]:
        dob = pop.people[person].dob if person != home.mother else mother.dob
        for address, moved_in, moved_out in home.previous:
            if dob is None or dob >= moved_out:
                continue
            rows.append((person, address, max(moved_in, dob), moved_out))
        moved_in = home.moved_in if dob is None else max(home.moved_in, dob)
        rows.append((person, home.address, moved_in, None))
    if home.father is not None:
        if home.father_lives:
            rows.append((home.father, home.address, home.moved_in, None))
        else:
            rows.append((home.father, home.father_address, home.father_moved_in, None))
    if home.carer is not None:
        rows.append((home.carer, home.address, home.carer_start, None))
    if home.grandparent is not None:
        rows.append((home.grandparent, home.address, home.moved_in, None))
    return rows

