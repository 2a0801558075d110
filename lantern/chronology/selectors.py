"""The child's chronology as rows: every registered kind's events, newest first, each with its
significance mark. One query per kind plus one for the marks."""

from dataclasses import dataclass

from .models import SignificantEvent
from .registry import ChronologyEvent, events_for, kinds


@dataclass(frozen=True)
class Row:
    event: ChronologyEvent
    kind_label: str
    significant: bool
    note: str


def chronology_rows(child, *, only: list[str] | None = None, significant_only: bool = False) -> list[Row]:
    labels = {k.kind: k.label for k in kinds()}
    marks = dict(SignificantEvent.objects.filter(child=child, is_significant=True).values_list("event_key", "note"))
    rows = [Row(e, labels.get(e.kind, e.kind), e.key in marks, marks.get(e.key, "")) for e in events_for(child, only)]
    return [r for r in rows if r.significant] if significant_only else rows


def event_for(child, key: str) -> ChronologyEvent | None:
    return next((e for e in events_for(child) if e.key == key), None)
