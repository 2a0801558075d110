"""What the indicators share: a count out of a total, the agencies in the order the board reads them,
filling calendar months that have no records, and counting rows that are themselves grouped."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import connection
from django.db.models import QuerySet

from lantern.protection.codes import MeetingAgency

from ..period import Month, Period

AGENCIES: tuple[tuple[str, str], ...] = tuple((a.value, a.label) for a in MeetingAgency)
PARTNERS: tuple[tuple[str, str], ...] = tuple(a for a in AGENCIES if a[0] != MeetingAgency.CSC)
POLICE, HEALTH, EDUCATION, CSC = (MeetingAgency.POLICE.value, MeetingAgency.HEALTH.value,
                                  MeetingAgency.EDUCATION.value, MeetingAgency.CSC.value)


@dataclass(frozen=True)
class Share:
    """``n`` out of ``of``; the percentage is rounded half up, and there is none when ``of`` is 0."""

    n: int
    of: int

    @property
    def percent(self) -> int | None:
        if not self.of:
            return None
        return (200 * self.n + self.of) // (2 * self.of)

    @property
    def text(self) -> str:
        return "–" if self.percent is None else f"{self.percent}%"

    def as_dict(self) -> dict:
        return {"n": self.n, "of": self.of, "percent": self.percent}


def month_key(value) -> tuple[int, int]:
    """(year, month) of a TruncMonth value: a date through the ORM; read by ``counted`` it is a
    datetime on PostgreSQL and ISO text on SQLite."""
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    return value.year, value.month


def counted(rows: QuerySet, group: tuple[str, ...], counts: Mapping[str, str], *,
            day: str = "day") -> list[dict[str, Any]]:
    """Count ``rows`` (one row per record, or per day and kind, with its figures as columns) by the
    calendar month of their ``day`` column and by the ``group`` columns: ``counts`` maps each result
    name to an aggregate over the columns, e.g. "COUNT(CASE WHEN p > 0 THEN 1 END)", whose value is
    a whole number. One query; each row has its "month", the group columns and the counts.

    Each record's flags (which agencies attended, say) come from a join grouped by the record; the
    ORM cannot count those again by month, and testing each flag with its own EXISTS made
    PostgreSQL read the joined table once for every flag in every count. The month is worked out
    here, once per row, rather than for every joined row."""
    sql, params = rows.order_by().query.sql_with_params()
    month, month_params = connection.ops.date_trunc_sql("month", connection.ops.quote_name(day), ())
    keys = ("month", *group)
    columns = ", ".join([month, *(connection.ops.quote_name(name) for name in group), *counts.values()])
    ordinals = ", ".join(str(n) for n in range(1, len(keys) + 1))
    # Only our own column names and aggregates are in the text; the values are parameters.
    statement = f"SELECT {columns} FROM ({sql}) per_record GROUP BY {ordinals}"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(statement, (*month_params, *params))
        found = cursor.fetchall()
    # PostgreSQL's SUM of counts is numeric; every figure here is a whole number.
    return [{**dict(zip(keys, row, strict=False)),
             **{name: int(value or 0) for name, value in zip(counts, row[len(keys):], strict=True)}}
            for row in found]


def flagged(column: str) -> str:
    """How many records have at least one of ``column`` (a per-record count)."""
    return f"COUNT(CASE WHEN {column} > 0 THEN 1 END)"


def by_month(period: Period, rows: Iterable[Mapping[str, Any]], key: str = "month") -> list[tuple[Month, dict]]:
    """Each month of the period with its grouped row (an empty dict for a month without records)."""
    found: dict[tuple[int, int], dict] = {}
    for row in rows:
        found.setdefault(month_key(row[key]), {}).update(row)
    return [(m, found.get(m.key, {})) for m in period.months()]
