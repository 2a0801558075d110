"""Kinds of dated event that make up a child's chronology.

Each part of the journey registers the kinds it owns (in its AppConfig.ready()) with a function
that lists a child's events of that kind. The chronology is built from every registered kind, so a
new kind of record appears in it without the chronology changing."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ChronologyEvent:
    kind: str  # a registered kind, e.g. "contact"
    key: str  # stable across requests, e.g. "contact:123", so an event can be marked significant
    on: date
    title: str
    detail: str = ""
    link: str = ""


@dataclass(frozen=True)
class EventKind:
    kind: str
    label: str  # plural, for the filter: "Contacts"
    events: Callable[[object], Iterable[ChronologyEvent]]  # events(child)


_KINDS: dict[str, EventKind] = {}


def register_kind(kind: str, label: str, events: Callable[[object], Iterable[ChronologyEvent]]) -> None:
    if kind in _KINDS and _KINDS[kind].events is not events:
        raise ValueError(f"Chronology kind {kind!r} is already registered")
    _KINDS[kind] = EventKind(kind, label, events)


def kinds() -> list[EventKind]:
    return sorted(_KINDS.values(), key=lambda k: k.label)


def events_for(child, only: Iterable[str] | None = None) -> list[ChronologyEvent]:
    """The child's events, newest first. One call per kind: a fixed number of queries."""
    wanted = set(only) if only else set(_KINDS)
    events = [e for k in _KINDS.values() if k.kind in wanted for e in k.events(child)]
    return sorted(events, key=lambda e: (e.on, e.key), reverse=True)
