"""The dashboard and its drill-downs, for pages and API alike: permission first, figures computed
live from the records, an audit row for every read, and lists of children cut to the reader."""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError

from lantern.access.policy import require_permission, visible_children
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.audit_log.transactions import atomic
from lantern.people.models import Person
from lantern.returns.audit_types import PERFORMANCE_CHILDREN, PERFORMANCE_DASHBOARD

from .drill import DRILLS, UnknownGroup
from .figures import Figure, all_figures
from .measures import BY_SLUG, MEASURES, Measure
from .periods import Period, period_for

VIEW = "performance.view"
CHILDREN = "performance.children"
PAGE_SIZE = 50
PARTS = {"all": "all counted", "met": "counted in the figure", "not_met": "not counted in the figure"}


@dataclass
class Card:
    measure: Measure
    figure: Figure


@dataclass
class Dashboard:
    period: Period
    cards: list[Card]

    def card(self, measure_id: str) -> Card:
        return next(c for c in self.cards if c.measure.id == measure_id)


def _check_figures() -> None:
    missing = set(m.id for m in MEASURES) - set(DRILLS)
    if missing:
        raise ValueError(f"Measures without a drill-down: {missing}")


_check_figures()


def choose_period(key: str | None, today: date) -> Period:
    try:
        return period_for(key, today)
    except ValueError as exc:
        raise ValidationError({"period": [str(exc)]}) from exc


def measure_by_slug(slug: str) -> Measure:
    measure = BY_SLUG.get(slug) or BY_SLUG.get(slug.replace("_", "-"))
    if measure is None:
        raise LookupError(f"No measure called {slug!r}")
    return measure


@atomic
def dashboard(*, actor, period: Period, today: date, via: str = "web") -> Dashboard:
    """Every measure for the period, counted now. Aggregate counts only (see permissions.py)."""
    require_permission(actor, VIEW)
    figures = all_figures(period, today)
    audit_record(actor=actor, action=Action.LIST, object_type=PERFORMANCE_DASHBOARD, object_id=period.key,
                 detail=f"{via}; performance dashboard for {period.label} (counts only, no children named)")
    return Dashboard(period=period, cards=[Card(m, figures[m.id]) for m in MEASURES])


@dataclass
class ChildRow:
    child: Person | None
    child_id: int | None
    on: date
    met: bool
    detail: str


@dataclass
class ChildList:
    measure: Measure
    period: Period
    part: str
    group: str
    page: int
    pages: int
    total: int  # every row the figure counts, whoever may see them
    shown: int  # rows about children this reader may see
    unlinked: int  # rows not yet matched to a child record (contacts)
    rows: list[ChildRow] = field(default_factory=list)

    @property
    def hidden(self) -> int:
        return self.total - self.shown - self.unlinked

    @property
    def part_label(self) -> str:
        return PARTS[self.part]


def _int(value, name: str, default: int) -> int:
    if value in (None, ""):
        return default
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = 0
    if number < 1:
        raise ValidationError({name: ["Give a whole number, 1 or more"]})
    return number


@atomic
def measure_children(*, actor, measure: Measure, period: Period, today: date, part: str = "all", group: str = "",
                     page=None, via: str = "web", page_size: int = PAGE_SIZE) -> ChildList:
    """The records behind a measure's number, a page at a time, listing only children the reader
    may see; the others are counted, not named. Written to the audit trail as a list of children.
    ``page_size`` 0 counts them and lists none (the API's counts)."""
    require_permission(actor, CHILDREN)
    if part not in PARTS:
        raise ValidationError({"part": [f"Choose one of: {', '.join(PARTS)}"]})
    page_number = _int(page, "page", 1)
    try:
        querysets = DRILLS[measure.id](period, today, group)
    except UnknownGroup as exc:
        raise ValidationError({"group": [str(exc)]}) from exc
    if part != "all":
        querysets = [qs.filter(row_met=(part == "met")) for qs in querysets]
    visible = visible_children(actor).values("pk")
    total = shown = unlinked = 0
    mine = []
    for qs in querysets:
        total += qs.count()
        unlinked += qs.filter(row_child__isnull=True).count()
        seen = qs.filter(row_child__in=visible)
        count = seen.count()
        shown += count
        mine.append((seen, count))
    pages = max(1, -(-shown // page_size)) if page_size else 1
    if page_number > pages:
        raise ValidationError({"page": [f"There {'is' if pages == 1 else 'are'} only {pages} page(s)"]})
    rows = _page(mine, (page_number - 1) * page_size, page_size)
    audit_record(actor=actor, action=Action.LIST, object_type=PERFORMANCE_CHILDREN, object_id=measure.id,
                 children=[row.child_id for row in rows if row.child_id],
                 detail=f"{via}; {measure.title}, {period.label}, {PARTS[part]}{f', {group}' if group else ''}; "
                        f"page {page_number}: {len(rows)} of {shown} listed, {total - shown - unlinked} hidden")
    return ChildList(measure=measure, period=period, part=part, group=group, page=page_number, pages=pages,
                     total=total, shown=shown, unlinked=unlinked, rows=rows)


def _page(querysets: list[tuple], offset: int, wanted: int) -> list[ChildRow]:
    """One page of rows across the querysets in turn, newest first within each."""
    found: list[dict] = []
    if not wanted:
        return []
    for qs, count in querysets:
        if offset >= count:
            offset -= count
            continue
        found += list(qs.order_by("-row_on", "-pk").values("row_child", "row_on", "row_met", "row_detail")
                      [offset:offset + wanted - len(found)])
        offset = 0
        if len(found) >= wanted:
            break
    people = Person.objects.in_bulk([r["row_child"] for r in found])
    return [ChildRow(child=people.get(r["row_child"]), child_id=r["row_child"], on=r["row_on"], met=bool(r["row_met"]),
                     detail=str(r["row_detail"] or "")) for r in found]
