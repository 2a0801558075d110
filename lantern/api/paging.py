"""Paging for every list the API returns: one shape, one pair of parameters, one place.

Every list answers ``{"items": [...], "next": "<cursor>" | null}`` and takes ``?limit=`` (1 to
200, default 50) and ``?cursor=`` (the ``next`` of the page before). ``next`` is null on the last
page. A list is one of two kinds:

* a query (most lists): keyset paging. The cursor holds the sort values of the last item shown and
  the next page is the rows after them, ``LIMIT limit + 1``: one query per page however deep the
  page, and a row added or removed between two pages neither repeats nor skips another.
* a list worked out in Python (a search ranked by closeness of name, a child's deadlines as they
  stood on a day, a chronology merged from every kind of record): the whole list is worked out for
  each page anyway, so the cursor holds the position reached.

Cursors are signed: one a client edited, or one from another list, would otherwise reach the query
as values it does not expect. Either is refused with 422 under ``cursor``."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any, Generic, TypeVar

from django.core import signing
from django.core.exceptions import ValidationError
from django.db.models import Model, Q, QuerySet
from ninja import Field, Schema
from pydantic import create_model

from .schema import Day, InputSchema, Number, Text

DEFAULT_LIMIT, MAX_LIMIT = 50, 200
_SALT = "lantern.api.paging"
BAD_CURSOR = "Not a cursor of this list: send the `next` of the page before, unchanged, or leave it out"
NEXT = "Send as `cursor` for the next page; null on the last page"

T = TypeVar("T")


class PageQuery(InputSchema):
    limit: Number = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"Items per page, at most {MAX_LIMIT}")
    cursor: Text | None = Field(None, description="The `next` of the page before; leave out for the first page")


class DateRange(InputSchema):
    """On the list's main date, which each operation's description names."""

    from_: Day | None = Field(None, alias="from", description="Only those on or after this day")
    to: Day | None = Field(None, description="Only those on or before this day")

    def apply(self, rows: QuerySet, field: str) -> QuerySet:
        if self.from_ is not None:
            rows = rows.filter(**{f"{field}__gte": self.from_})
        if self.to is not None:
            rows = rows.filter(**{f"{field}__lte": self.to})
        return rows

    def holds(self, day: date | None) -> bool:
        """For lists worked out in Python."""
        if day is None:
            return self.from_ is None and self.to is None
        return (self.from_ is None or day >= self.from_) and (self.to is None or day <= self.to)


@cache
def page_of(item: type[Schema]) -> type[Schema]:
    """The reply shape of a list of ``item``s, named after it in the OpenAPI document."""
    name = f"{item.__name__.removesuffix('Out')}Page"
    return create_model(name, __base__=Schema, __module__=item.__module__,
                        items=(list[item], ...), next=(str | None, Field(..., description=NEXT)))  # type: ignore[valid-type]


@dataclass
class Page(Generic[T]):
    items: list[T]
    next: str | None

    def out(self, convert: Callable[[T], Any] | None = None) -> dict:
        return {"items": [convert(i) for i in self.items] if convert else self.items, "next": self.next}


def _sign(kind: str, shape: Sequence[str], position: Any) -> str:
    return signing.dumps({"k": kind, "s": list(shape), "p": position}, salt=_SALT, compress=True)


def _unsign(cursor: str | None, kind: str, shape: Sequence[str]) -> Any:
    if not cursor:
        return None
    try:
        found = signing.loads(cursor, salt=_SALT)
    except signing.BadSignature:
        found = None
    if not isinstance(found, dict) or found.get("k") != kind or found.get("s") != list(shape):
        raise ValidationError({"cursor": BAD_CURSOR})
    return found["p"]


def _field(model: type[Model], name: str):
    return model._meta.pk if name == "pk" else model._meta.get_field(name)


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (date, datetime)) else value


def _after(model: type[Model], order: Sequence[str], values: list) -> Q:
    """Rows that sort after ``values`` in ``order``: for (a, -b, pk), a > x, or a = x and b < y, or
    a = x, b = y and pk > z."""
    names = [o.lstrip("-") for o in order]
    try:
        typed = [_field(model, n).to_python(v) for n, v in zip(names, values, strict=True)]
    except (ValueError, ValidationError, TypeError):
        raise ValidationError({"cursor": BAD_CURSOR}) from None
    after = Q()
    for i, term in enumerate(order):
        same = {names[j]: typed[j] for j in range(i)}
        step = "lt" if term.startswith("-") else "gt"
        after |= Q(**same, **{f"{names[i]}__{step}": typed[i]})
    return after


def paged_query(rows: QuerySet, paging: PageQuery, *, order: Sequence[str]) -> Page:
    """One page of ``rows`` in ``order``: fields of the model itself, never null in the rows listed
    (NULLs sort differently in SQLite and PostgreSQL, and compare with nothing), ending with ``pk``
    or ``-pk`` so that the order is total."""
    assert order and order[-1].lstrip("-") == "pk", "the order must end with the primary key"
    model = rows.model
    position = _unsign(paging.cursor, "query", order)
    rows = rows.order_by(*order)
    if position is not None:
        if not isinstance(position, list) or len(position) != len(order):
            raise ValidationError({"cursor": BAD_CURSOR})
        rows = rows.filter(_after(model, order, position))
    found = list(rows[:paging.limit + 1])
    items = found[:paging.limit]
    following = None
    if len(found) > paging.limit:
        last = items[-1]
        following = _sign("query", order, [_plain(getattr(last, o.lstrip("-"))) for o in order])
    return Page(items, following)


def paged_list(items: Sequence[T], paging: PageQuery, *, name: str) -> Page[T]:
    """One page of a list already worked out, in its own order. ``name`` tells this list's cursors
    from another's."""
    start = _unsign(paging.cursor, "list", [name]) or 0
    if not isinstance(start, int) or start < 0:
        raise ValidationError({"cursor": BAD_CURSOR})
    end = start + paging.limit
    return Page(list(items[start:end]), _sign("list", [name], end) if end < len(items) else None)


def numbered_page(paging: PageQuery, *, name: str) -> int:
    """The page number to ask of a service that pages by number itself (the performance dashboard's
    children), ``limit`` items a page. The cursor holds the number, tied to the limit it was made for."""
    number = _unsign(paging.cursor, "numbered", [name, str(paging.limit)]) or 1
    if not isinstance(number, int) or number < 1:
        raise ValidationError({"cursor": BAD_CURSOR})
    return number


def numbered_next(paging: PageQuery, *, name: str, page: int, pages: int) -> str | None:
    return _sign("numbered", [name, str(paging.limit)], page + 1) if page < pages else None


def choice(name: str, value: str | None, allowed) -> str | None:
    """A list's filter by one of a set of values (a status, a kind): one it does not know is refused
    under its name rather than answered with an empty list that looks like "none"."""
    allowed = [str(a) for a in allowed]
    if value and value not in allowed:
        raise ValidationError({name: f"Use one of: {', '.join(allowed)}"})
    return value or None
