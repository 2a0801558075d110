"""The performance dashboard over the API: every measure's figures for a period, and the children
behind one measure's number. Same services, access policy and audit trail as the pages."""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from lantern.api.paging import PageQuery, numbered_next, numbered_page, page_of
from lantern.api.schema import Text

from .services import choose_period, dashboard, measure_by_slug, measure_children

router = Router(tags=["Statutory returns and performance"])


class PointOut(Schema):
    month: date
    numerator: int
    denominator: int
    percent: float | None


class BarOut(Schema):
    key: str
    label: str
    count: int


class EnglandOut(Schema):
    percent: float
    year: str
    source: str


class MeasureOut(Schema):
    id: str
    title: str
    numerator_counts: str
    denominator_counts: str
    numerator: int
    denominator: int
    percent: float | None
    better: str
    england: EnglandOut | None
    england_note: str
    series: list[PointOut] | None
    bars: list[BarOut]
    extra: dict
    children: str


class DashboardOut(Schema):
    period: str
    label: str
    start: date
    end: date
    measures: list[MeasureOut]


class ChildRowOut(Schema):
    child_id: int | None
    name: str | None
    on: date
    counted: bool
    detail: str


class ChildrenCountOut(Schema):
    measure: str
    period: str
    part: str
    group: str
    total: int = Field(description="Every record the figure counts, whoever may see them")
    listed: int = Field(description="Those about children you may see: the list's items")
    hidden: int = Field(description="Those about children you may not see: counted, never named")
    unlinked: int = Field(description="Those not yet matched to a child's record (contacts)")


def _measure_out(card, period_key: str) -> dict:
    from .comparators import NO_FIGURE

    m, f = card.measure, card.figure
    england = m.england
    return {"id": m.id, "title": m.title, "numerator_counts": m.numerator, "denominator_counts": m.denominator,
            "numerator": f.numerator, "denominator": f.denominator, "percent": f.percent, "better": m.better,
            "england": ({"percent": england.percent, "year": england.year, "source": england.source}
                        if england else None),
            "england_note": "" if england else NO_FIGURE,
            "series": ([{"month": p.month, "numerator": p.numerator, "denominator": p.denominator,
                         "percent": p.percent} for p in f.series] if f.series else None),
            "bars": [{"key": b["key"], "label": b["label"], "count": b["count"]} for b in f.bars],
            "extra": f.extra,
            "children": f"/api/v1/performance/{m.slug}/children?period={period_key}"}


@router.get("/performance", response=DashboardOut, summary="Every performance measure for a period, counted now",
            description="Aggregate counts only, no child named. period= a key the dashboard offers (the default: "
                        "the latest complete one). Each measure links to the records behind its number.")
def performance(request, period: Text | None = None):
    today = timezone.localdate()
    chosen = choose_period(period, today)
    board = dashboard(actor=request.auth, period=chosen, today=today, via="api")
    return {"period": chosen.key, "label": chosen.label, "start": chosen.start, "end": chosen.end,
            "measures": [_measure_out(card, chosen.key) for card in board.cards]}


FILTERS = ("period= as on the dashboard; part=all, met or not_met; group= one of the measure's groups (a "
           "category, a caseload band)")


@router.get("/performance/{measure}/children", response=page_of(ChildRowOut),
            summary="The records behind a measure's number",
            description="Newest first; only children you may see are named (see .../children/counts for those "
                        "counted but not named). measure is the measure's slug, as in the dashboard's `children` "
                        "link. " + FILTERS + ".")
def performance_children(request, measure: Text, paging: Query[PageQuery], period: Text | None = None,
                         part: Text = "all", group: Text = ""):
    listing = _listing(request, measure, period, part, group, page=numbered_page(paging, name=_name(measure)),
                       page_size=paging.limit)
    rows = [{"child_id": r.child_id, "name": r.child.full_name if r.child else None, "on": r.on, "counted": r.met,
             "detail": r.detail} for r in listing.rows]
    return {"items": rows, "next": numbered_next(paging, name=_name(measure), page=listing.page,
                                                 pages=listing.pages)}


@router.get("/performance/{measure}/children/counts", response=ChildrenCountOut,
            summary="How many records are behind a measure's number, and how many you may see",
            description="The same choices as the list: " + FILTERS + ".")
def performance_children_counts(request, measure: Text, period: Text | None = None, part: Text = "all",
                                group: Text = ""):
    listing = _listing(request, measure, period, part, group, page=1, page_size=0)
    return {"measure": listing.measure.id, "period": listing.period.key, "part": listing.part,
            "group": listing.group, "total": listing.total, "listed": listing.shown, "hidden": listing.hidden,
            "unlinked": listing.unlinked}


def _name(measure: str) -> str:
    return f"performance-{measure}"


def _listing(request, measure: str, period, part: str, group: str, *, page: int, page_size: int):
    today = timezone.localdate()
    try:
        chosen = measure_by_slug(measure)
    except LookupError as exc:
        raise ValidationError({"measure": [str(exc)]}) from exc
    try:
        return measure_children(actor=request.auth, measure=chosen, period=choose_period(period, today),
                                today=today, part=part, group=group, page=page, via="api", page_size=page_size)
    except ValidationError as exc:
        # The page number came from the cursor: past the last page, the list has shrunk since.
        if "page" in getattr(exc, "error_dict", {}):
            raise ValidationError({"cursor": "The list has changed since this cursor was made: start again "
                                             "without one"}) from exc
        raise
