"""The performance dashboard over the API: every measure's figures for a period, and the children
behind one measure's number. Same services, access policy and audit trail as the pages."""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from ninja import Router, Schema

from lantern.api.schema import Number, Text

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


class ChildrenOut(Schema):
    measure: str
    period: str
    part: str
    group: str
    total: int
    listed: int
    hidden: int
    unlinked: int
    page: int
    pages: int
    rows: list[ChildRowOut]


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


@router.get("/performance", response=DashboardOut, summary="Every performance measure for a period, counted now")
def performance(request, period: Text | None = None):
    today = timezone.localdate()
    chosen = choose_period(period, today)
    board = dashboard(actor=request.auth, period=chosen, today=today, via="api")
    return {"period": chosen.key, "label": chosen.label, "start": chosen.start, "end": chosen.end,
            "measures": [_measure_out(card, chosen.key) for card in board.cards]}


@router.get("/performance/{measure}/children", response=ChildrenOut,
            summary="The children behind a measure's number (only those you may see are named)")
def performance_children(request, measure: Text, period: Text | None = None, part: Text = "all", group: Text = "",
                         page: Number = 1):
    today = timezone.localdate()
    try:
        chosen = measure_by_slug(measure)
    except LookupError as exc:
        raise ValidationError({"measure": [str(exc)]}) from exc
    listing = measure_children(actor=request.auth, measure=chosen, period=choose_period(period, today), today=today,
                               part=part, group=group, page=page, via="api")
    return {"measure": chosen.id, "period": listing.period.key, "part": listing.part, "group": listing.group,
            "total": listing.total, "listed": listing.shown, "hidden": listing.hidden, "unlinked": listing.unlinked,
            "page": listing.page, "pages": listing.pages,
            "rows": [{"child_id": r.child_id, "name": r.child.full_name if r.child else None, "on": r.on,
                      "counted": r.met, "detail": r.detail} for r in listing.rows]}
