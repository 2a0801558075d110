"""Figures made ready for the page: each card's headline, England comparison, links to the children
behind each number and its small monthly chart (heights worked out here, not in the template)."""

from urllib.parse import urlencode

from django.urls import reverse

from .comparators import NO_FIGURE
from .measures import BARS, HIGHER, LOWER, RATE, SNAPSHOT, groups
from .services import Card, Dashboard


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:g}%"


def comparison(card: Card) -> str:
    england, mine = card.measure.england, card.figure.percent
    if england is None or mine is None:
        return ""
    if mine == england.percent:
        return "the same as England"
    above = mine > england.percent
    where = f"{abs(mine - england.percent):.1f} points {'above' if above else 'below'} England"
    if card.measure.better == HIGHER:
        return f"{where} (better)" if above else f"{where} (worse)"
    if card.measure.better == LOWER:
        return f"{where} (worse)" if above else f"{where} (better)"
    return where


def _chart(card: Card) -> dict | None:
    series = card.figure.series
    if not series:
        return None
    rate = card.measure.kind in (RATE, SNAPSHOT)
    values = [p.percent if rate else p.numerator for p in series]
    top = 100 if rate else max([v for v in values if v is not None] + [1])
    bars = [{"month": p.month, "month_label": f"{p.month:%b %Y}", "value": v,
             "height": max(1, round(100 * v / top)) if v else 0,
             "label": _percent(v) if rate else str(v), "numerator": p.numerator, "denominator": p.denominator}
            for p, v in zip(series, values, strict=True)]
    return {"bars": bars, "rate": rate, "first": bars[0]["month_label"], "last": bars[-1]["month_label"]}


def _link(card: Card, period_key: str, **extra) -> str:
    query = {"period": period_key, **{k: v for k, v in extra.items() if v}}
    return f"{reverse('returns:performance_children', args=[card.measure.slug])}?{urlencode(query)}"


def card_view(card: Card, period_key: str) -> dict:
    m, f = card.measure, card.figure
    view = {"measure": m, "figure": f, "percent": _percent(f.percent), "chart": _chart(card),
            "numerator": f"{f.numerator:,}", "denominator": f"{f.denominator:,}",
            "england": m.england, "no_england": NO_FIGURE, "comparison": comparison(card),
            "all_href": _link(card, period_key), "met_href": _link(card, period_key, part="met"),
            "bars": [{**bar, "href": _link(card, period_key, group=bar["key"])} for bar in f.bars]}
    view["is_bars"] = m.kind == BARS
    return view


def cards_for_page(board: Dashboard) -> list[tuple[str, list[dict]]]:
    by_id = {c.measure.id: c for c in board.cards}
    return [(name, [card_view(by_id[m.id], board.period.key) for m in measures]) for name, measures in groups()]
