"""Turning the in-memory plan into rows: batched ``bulk_create`` with preassigned primary keys."""

from datetime import date
from functools import lru_cache

from django.core.management.color import no_style
from django.db import connection, models
from django.db.models import Max
from django.utils import timezone

from lantern.people.codes import RelationshipType
from lantern.people.search_keys import keys_for_person

from .people import Household, Population

MOTHER, FATHER, GRANDPARENT, SIBLING = (RelationshipType.MOTHER.value, RelationshipType.FATHER.value,
                                        RelationshipType.GRANDPARENT.value, RelationshipType.SIBLING.value)


def next_id(model) -> int:
    return (model.objects.aggregate(m=Max("id"))["m"] or 0) + 1


class Inserter:
    """Writes rows of one model ``batch_size`` at a time, with preassigned primary keys.

    Rows are plain tuples in the order of ``columns`` (attribute names, without ``id``); every other
    field gets its model default, and ``auto_now``/``auto_now_add`` fields the time the inserter was
    made, so a field someone adds later with a default needs no change here. On PostgreSQL a batch
    goes in with COPY, on SQLite with ``executemany``; any other database uses ``bulk_create``. The
    ORM's per-object work (building model instances, compiling each value) would otherwise be most
    of the run time."""

    def __init__(self, model, columns: tuple[str, ...], batch_size: int):
        self.model, self.batch_size = model, batch_size
        self.next_id = next_id(model)
        self.batch: list[tuple] = []
        self.count = 0
        fields = {f.attname: f for f in model._meta.concrete_fields}
        unknown = set(columns) - set(fields)
        if unknown:
            raise ValueError(f"{model.__name__} has no fields {sorted(unknown)}")
        self.columns = ("id", *columns)
        self.rest = [f for f in model._meta.concrete_fields if f.attname not in self.columns]
        now = timezone.now()
        self.defaults = {f.attname: now if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
                         else f.get_default() for f in self.rest}
        self.vendor = connection.vendor
        self.tail = tuple(f.get_db_prep_save(self.defaults[f.attname], connection) for f in self.rest)
        given = [fields[name] for name in self.columns]
        self.db_columns = [f.column for f in given] + [f.column for f in self.rest]
        # SQLite takes dates as text, written as Django writes them; PostgreSQL's driver adapts them itself.
        self.dates = [] if self.vendor != "sqlite" else [
            (i, connection.ops.adapt_datetimefield_value if isinstance(f, models.DateTimeField) else date.isoformat)
            for i, f in enumerate(given) if isinstance(f, models.DateField)]

    def add(self, values: tuple) -> int:
        pk = self.next_id
        self.batch.append((pk, *values))
        self.next_id += 1
        if len(self.batch) >= self.batch_size:
            self.flush()
        return pk

    def flush(self) -> None:
        if not self.batch:
            return
        if self.vendor == "postgresql":
            self._copy()
        elif self.vendor == "sqlite":
            self._executemany()
        else:
            self._bulk_create()
        self.count += len(self.batch)
        self.batch = []

    def _table(self) -> tuple[str, str]:
        quote = connection.ops.quote_name
        return quote(self.model._meta.db_table), ", ".join(quote(c) for c in self.db_columns)

    def _copy(self) -> None:
        table, columns = self._table()
        tail = self.tail
        with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in self.batch:
                copy.write_row(row + tail)

    def _executemany(self) -> None:
        table, columns = self._table()
        marks = ", ".join(["%s"] * len(self.db_columns))
        tail, dates = self.tail, self.dates
        rows = []
        for row in self.batch:
            values = list(row)
            for i, adapt in dates:
                if values[i] is not None:
                    values[i] = adapt(values[i])
            rows.append((*values, *tail))
        with connection.cursor() as cursor:
            # Table and column names come from the model's metadata, quoted; values are parameters.
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)  # noqa: S608

    def _bulk_create(self) -> None:
        objects = []
        for row in self.batch:
            values = dict(zip(self.columns, row, strict=True))
            objects.append(self.model(**values, **self.defaults))
        self.model.objects.bulk_create(objects, batch_size=self.batch_size)


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


RelationshipRow = tuple[int, int, str, bool, bool, date | None]
AddressRow = tuple[int, int, date, date | None]


def relationships(home: Household) -> list[RelationshipRow]:
    """(child, relative, type, lives with child, parental responsibility, start) for one household."""
    rows: list[RelationshipRow] = []
    for child in home.children:
        rows.append((child, home.mother, MOTHER, True, True, None))
        if home.father is not None:
            rows.append((child, home.father, FATHER, home.father_lives, home.father_pr, None))
        if home.carer is not None:
            rows.append((child, home.carer, home.carer_type, True, home.carer_pr, home.carer_start))
        if home.grandparent is not None:
            rows.append((child, home.grandparent, GRANDPARENT, True, False, None))
        for sibling in home.children:
            if sibling != child:
                rows.append((child, sibling, SIBLING, True, False, None))
    return rows


def address_history(pop: Population, home: Household) -> list[AddressRow]:
    """(person, address, moved in, moved out) for everyone in one household."""
    rows: list[AddressRow] = []
    arrived = home.moved_in
    assert arrived is not None
    for person in [home.mother, *home.children]:
        dob = pop.people[person].dob
        for address, moved_in, moved_out in home.previous:
            if dob is not None and dob < moved_out:
                rows.append((person, address, max(moved_in, dob), moved_out))
        rows.append((person, home.address, arrived if dob is None else max(arrived, dob), None))
    if home.father is not None:
        if home.father_lives:
            rows.append((home.father, home.address, arrived, None))
        else:
            assert home.father_address is not None and home.father_moved_in is not None
            rows.append((home.father, home.father_address, home.father_moved_in, None))
    if home.carer is not None:
        assert home.carer_start is not None
        rows.append((home.carer, home.address, home.carer_start, None))
    if home.grandparent is not None:
        rows.append((home.grandparent, home.address, arrived, None))
    return rows

