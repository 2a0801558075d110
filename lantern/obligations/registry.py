"""Sources of obligations: each kind of record that starts a clock registers how to turn its
records into obligation specs. Adding a rule means registering a source, never editing a view."""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Model, QuerySet

from lantern.timescales.rules import rule_for

_KEY = re.compile(r"^[a-z_]+\.[a-z_]+$")


@dataclass(frozen=True)
class ObligationSpec:
    """One deadline a record has started, before its due date is computed."""

    source_id: int
    rule_id: str
    child_id: int
    start_date: date
    occurrence: int = 1
    met_on: date | None = None
    late_reason: str = ""
    withdrawn_on: date | None = None
    series_start: date | None = None
    extended: bool = False
    link: str = ""

    def __post_init__(self) -> None:
        rule_for(self.rule_id)  # an unknown rule fails here, loudly, not in a work list


@dataclass(frozen=True)
class ObligationSource:
    key: str
    model: type[Model]
    build: Callable[[Iterable[Model]], Iterable[ObligationSpec]]
    select: Callable[[QuerySet], QuerySet] = field(default=lambda qs: qs)
    # The field naming the child, for sources whose deadlines also depend on the child's own details
    # (a pre-birth plan's review is due from the birth): their records are synced again when those change.
    follows_child: str | None = None

    def records(self, ids: Iterable[int] | None = None) -> QuerySet:
        queryset = self.select(self.model._default_manager.all())
        return queryset if ids is None else queryset.filter(pk__in=list(ids))


_SOURCES: dict[str, ObligationSource] = {}


def register_source(key: str, *, model: type[Model], build, select=None,
                    follows_child: str | None = None) -> ObligationSource:
    if not _KEY.match(key):
        raise ValueError(f"Obligation source key {key!r} must look like 'app.record'")
    if key in _SOURCES and _SOURCES[key].model is not model:
        raise ValueError(f"Obligation source {key!r} is already registered")
    source = ObligationSource(key=key, model=model, build=build, select=select or (lambda qs: qs),
                              follows_child=follows_child)
    _SOURCES[key] = source
    return source


def source_for(key: str) -> ObligationSource:
    try:
        return _SOURCES[key]
    except KeyError:
        raise KeyError(f"No obligation source {key!r}; registered: {sorted(_SOURCES)}") from None


def all_sources() -> list[ObligationSource]:
    return [_SOURCES[key] for key in sorted(_SOURCES)]
