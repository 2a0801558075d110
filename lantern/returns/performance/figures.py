"""The dashboard's figures: a fixed handful of grouped, conditional-aggregate queries over indexed
date ranges, whatever the size of the authority or the period (no per-measure, per-month query).

Each query counts a period and the 12 months of its chart together: rows are grouped by day (at
most about 400 small rows) and added up into the period and the months here, so the bounds of
both are exact. Figures are authority-wide counts with no identities (see permissions.py); the
children behind each number are listed, cut to the reader's access, by drill.py."""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from statistics import median

from django.db import connection
from django.db.models import Count, F, Q

from lantern.cin.models import CinPlan
from lantern.obligations.models import Obligation
from lantern.people.models import Allocation, Person
from lantern.protection.codes import Category
from lantern.protection.figures import ends_early_dates
from lantern.protection.models import CpPlan, CpVisit
from lantern.referrals.models import Episode
from lantern.visits.models import Visit

from ..models import DailyCount
from ..parallel import side_by_side
from .daily_counts import CONTACTS, DECISIONS, OBLIGATIONS, DailySource
from .periods import Period

# Timeliness measures read from the statutory clock's stored obligations: rule id → measure id.
OBLIGATION_MEASURES = {
    "referral_decision": "decisions_1wd",
    "single_assessment": "assessments_45wd",
    "initial_cp_conference": "icpc_15wd",
    "core_group": "core_groups",
    "cp_visit": "cp_visits",
    "cin_visit": "cin_visits",
}
CASELOAD_BANDS = ((1, 5), (6, 10), (11, 15), (16, 20), (21, 25), (26, None))
MANY_WORKERS = 3


@dataclass
class Point:
    month: date
    numerator: int = 0
    denominator: int = 0

    @property
    def percent(self) -> float | None:
        return round(100 * self.numerator / self.denominator, 1) if self.denominator else None


@dataclass
class Figure:
    numerator: int = 0
    denominator: int = 0
    series: list[Point] | None = None
    bars: list[dict] = field(default_factory=list)  # for the measures drawn as a bar chart
    extra: dict = field(default_factory=dict)

    @property
    def percent(self) -> float | None:
        return round(100 * self.numerator / self.denominator, 1) if self.denominator else None


def _from_days(period: Period, rows: Iterable[tuple[date, int, int]]) -> Figure:
    """Add up (day, denominator, numerator) rows into the period's figure and its 12 months."""
    months = {(m.year, m.month): Point(m) for m in period.months()}
    figure = Figure(series=list(months.values()))
    start, end = period.start, period.end
    for day, den, num in rows:
        if day > end:
            continue
        if day >= start:
            figure.denominator += den
            figure.numerator += num
        point = months.get((day.year, day.month))
        if point is not None:
            point.denominator += den
            point.numerator += num
    return figure


def open_counts(qs, days: list[date], *, spans: tuple[tuple[str, str], ...], group: str = "") -> dict:
    """For each day, how many rows of ``qs`` were open that day in every one of ``spans`` (pairs of
    start and end fields: started on or before the day and not ended by it), by ``group`` if given.

    One query: the rows' dates are selected by ``qs`` and the days are counted over them with plain
    conditional counts. Written as SQL because building a dozen filtered aggregates through the ORM
    cost more time than the database took to count them."""
    names = {f"p{i}_{edge}": F(field) for i, pair in enumerate(spans) for edge, field in zip("se", pair, strict=True)}
    keys = [*names, *(["p_group"] if group else [])]
    if group:
        names["p_group"] = F(group)
    sql, params = qs.annotate(**names).values(*keys).order_by().query.sql_with_params()
    test = " AND ".join(f"p{i}_s <= %s AND (p{i}_e IS NULL OR p{i}_e > %s)" for i in range(len(spans)))
    columns = ", ".join(f"COUNT(CASE WHEN {test} THEN 1 END)" for _ in days)
    day_params = [d for day in days for _ in spans for d in (day, day)]
    grouping = " GROUP BY p_group" if group else ""
    statement = f"SELECT {'p_group, ' if group else ''}{columns} FROM ({sql}) counted{grouping}"  # noqa: S608
    with connection.cursor() as cursor:  # only our own aliases and placeholders are in the text; values are params
        cursor.execute(statement, [*day_params, *params])
        rows = cursor.fetchall()
    if group:
        return {row[0]: list(row[1:]) for row in rows}
    return {"": list(rows[0]) if rows else [0] * len(days)}


def open_on(day: date, start: str = "start_date", end: str = "end_date") -> Q:
    """Open on ``day``: started on or before it and not ended by it (a plan ending that day is not)."""
    return Q(**{f"{start}__lte": day}) & (Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gt": day}))


def _kept(source: DailySource, start: date, end: date, keys: Iterable[str] = ("",)) -> list[tuple]:
    """(key, day, total, count a, count b) kept by the database for one source (daily_counts.py)."""
    return list(DailyCount.objects.filter(source=source.name, key__in=list(keys), day__gte=start, day__lte=end)
                .values_list("key", "day", "total", "count_a", "count_b"))


def front_door(period: Period) -> dict[str, Figure]:
    """Decisions on contacts made in the range: how many became referrals, and how many of those
    referrals were re-referrals; and the contacts received. Read from the daily counts."""
    rows = _kept(DECISIONS, period.earliest, period.end)
    conversion = _from_days(period, ((day, decided, referred) for _, day, decided, referred, _ in rows))
    received = sum(total for _, _, total, _, _ in _kept(CONTACTS, period.start, period.end))
    conversion.extra = {"received": received}
    return {"contacts": conversion,
            "rereferrals": _from_days(period, ((day, referred, again) for _, day, _, referred, again in rows))}


def counted_obligations(period: Period, today: date):
    """Deadlines that fell due in the range, less those that stopped applying before they fell due,
    and less those due today and not yet met (they are not late yet)."""
    return (Obligation.objects.filter(due_date__gte=period.earliest, due_date__lte=period.end)
            .exclude(withdrawn_on__lte=F("due_date"))
            .filter(Q(due_date__lt=today) | Q(met_on__isnull=False)))


def on_time() -> Q:
    return Q(met_on__lte=F("due_date"))


def timeliness(period: Period, today: date) -> dict[str, Figure]:
    """Deadlines by due date, from the daily counts: those counted (not withdrawn before they fell
    due), of which met on time. A deadline due today or later counts only once met: until the day
    has passed it is not late (``counted_obligations`` is the same rule as a query, for the lists)."""
    by_rule: dict[str, list] = defaultdict(list)
    for rule_id, day, counted, met, on_time in _kept(OBLIGATIONS, period.earliest, period.end, OBLIGATION_MEASURES):
        by_rule[rule_id].append((day, counted if day < today else met, on_time))
    return {measure: _from_days(period, by_rule.get(rule_id, [])) for rule_id, measure in OBLIGATION_MEASURES.items()}


def plan_starts_and_ends(period: Period) -> dict[str, Figure]:
    """Plans ending within 3 months (calendar months, worked out here as protection.figures does)
    and second or later plans, from one read of the plans that started or ended in the range."""
    lo, hi = period.earliest, period.end
    rows = list(CpPlan.objects.filter(Q(start_date__gte=lo, start_date__lte=hi) | Q(end_date__gte=lo, end_date__lte=hi))
                .values_list("start_date", "end_date", "previous_plans"))
    ended = [(end, 1, int(ends_early_dates(start, end))) for start, end, _ in rows if end and lo <= end <= hi]
    started = [(start, 1, int(previous > 0)) for start, _, previous in rows if lo <= start <= hi]
    return {"plans_ended_3m": _from_days(period, ended), "second_plans": _from_days(period, started)}


def plans_by_category(period: Period) -> dict[str, Figure]:
    """Children on a plan at the period's end by latest category, and on a plan at each month's end."""
    ends = period.month_ends()
    plans = CpPlan.objects.filter(start_date__lte=period.end).filter(Q(end_date__isnull=True) | Q(end_date__gt=ends[0]))
    rows = open_counts(plans, ends, spans=(("start_date", "end_date"),), group="latest_category")
    total = sum(counts[-1] for counts in rows.values())
    figure = Figure(numerator=total, denominator=total)
    figure.series = [Point(m, sum(counts[i] for counts in rows.values()), 0) for i, m in enumerate(period.months())]
    widest = max((counts[-1] for counts in rows.values()), default=0) or 1
    figure.bars = [{"key": code, "label": label, "count": rows.get(code, [0])[-1],
                    "width": round(100 * rows.get(code, [0])[-1] / widest)} for code, label in Category.choices]
    return {"plans_by_category": figure}


def seen_alone(period: Period) -> dict[str, Figure]:
    days: dict[date, list[int]] = defaultdict(lambda: [0, 0])
    for model in (Visit, CpVisit):
        rows = (model.objects.filter(visit_date__gte=period.earliest, visit_date__lte=period.end, child_seen=True)
                .values("visit_date")
                .annotate(den=Count("visit_date"), num=Count("visit_date", filter=Q(seen_alone=True)))
                .order_by().values_list("visit_date", "den", "num"))
        for day, den, num in rows:
            days[day][0] += den
            days[day][1] += num
    return {"seen_alone": _from_days(period, ((day, den, num) for day, (den, num) in days.items()))}


def open_episode_on(day: date, prefix: str = "") -> Q:
    return Q(**{f"{prefix}referral_nfa": False}) & open_on(day, f"{prefix}referral_date", f"{prefix}closure_date")


def _overlapping(qs, period: Period, start: str, end: str):
    """Rows open at some month end of the chart: started by the period's end, not ended by the first."""
    first = period.month_ends()[0]
    return qs.filter(**{f"{start}__lte": period.end}).filter(Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gt": first}))


def children_in_need(period: Period) -> list[int]:
    """Children in need (an open episode, not closed at referral) on each month end of the chart.

    Open on day m = open on the first month end, plus referrals since, less closures since (an
    episode closes on or after its referral, a database constraint), so no query has to test a
    dozen month ends against every open episode; each reads one small index."""
    ends, first = period.month_ends(), period.month_ends()[0]
    episodes = Episode.objects.filter(referral_nfa=False)
    at_first = (episodes.filter(closure_date__isnull=True, referral_date__lte=first).count()
                + episodes.filter(closure_date__gt=first, referral_date__lte=first).count())
    referred = _daily(episodes.filter(referral_date__gt=first, referral_date__lte=period.end), "referral_date")
    closed = _daily(episodes.filter(closure_date__gt=first, closure_date__lte=period.end), "closure_date")
    return [at_first + sum(n for d, n in referred.items() if d <= day) - sum(n for d, n in closed.items() if d <= day)
            for day in ends]


def _daily(qs, field: str) -> dict[date, int]:
    return dict(qs.values(field).annotate(n=Count(field)).order_by().values_list(field, "n"))


def cin_with_plan(period: Period) -> dict[str, Figure]:
    """Children in need at each month end, and those with a child in need or child protection plan
    open that day. A plan belongs to an episode and ends when or before it closes, a child has one
    open episode at a time and never a CIN and a CP plan open together (census rules 4001, 4016,
    4017), so open plans and open episodes are counted as they are, with no join and no DISTINCT."""
    ends = period.month_ends()
    children = children_in_need(period)
    planned = [0] * len(ends)
    for model in (CinPlan, CpPlan):
        plans = _overlapping(model.objects.all(), period, "start_date", "end_date")
        counts = open_counts(plans, ends, spans=(("start_date", "end_date"),))[""]
        planned = [a + b for a, b in zip(planned, counts, strict=True)]
    figure = Figure(numerator=planned[-1], denominator=children[-1])
    figure.series = [Point(m, planned[i], children[i]) for i, m in enumerate(period.months())]
    return {"cin_with_plan": figure}


def allocated_in(period: Period):
    return Allocation.objects.filter(worker__isnull=False, start_date__lte=period.end).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=period.start))


def worker_changes(period: Period) -> dict[str, Figure]:
    """Children allocated to a worker at some time in the period, and of them those who had three or
    more different workers in it. Counted in the database, one row back, not one per child: the
    distinct child and worker pairs are read in order from an index of just those two
    (``allocation_pairs_idx``), so both the distinct pairs and the pairs per child are counted as
    they stream past; hashing some fifty thousand pairs twice took twice as long."""
    pairs = (allocated_in(period).annotate(p_child=F("child"), p_worker=F("worker")).values("p_child", "p_worker")
             .distinct().order_by("p_child", "p_worker"))
    sql, params = pairs.query.sql_with_params()
    statement = ("SELECT COUNT(*), COUNT(CASE WHEN n >= %s THEN 1 END) FROM "  # noqa: S608
                 f"(SELECT p_child, COUNT(*) AS n FROM ({sql}) pairs GROUP BY p_child) per_child")
    with connection.cursor() as cursor:  # our own SQL around the ORM's; values are params
        cursor.execute(statement, [MANY_WORKERS, *params])
        children, many = cursor.fetchone()
    return {"worker_changes": Figure(numerator=many or 0, denominator=children or 0)}


def caseload_counts() -> dict[int, int]:
    """Worker id → children allocated to them today (the current allocation on each child's record)."""
    return dict(Person.objects.filter(is_child_record=True, current_worker__isnull=False)
                .values("current_worker").annotate(n=Count("current_worker")).order_by()
                .values_list("current_worker", "n"))


def band_label(low: int, high: int | None) -> str:
    return f"{low} or more" if high is None else f"{low} to {high}"


def in_band(n: int, low: int, high: int | None) -> bool:
    return n >= low and (high is None or n <= high)


def caseloads(period: Period) -> dict[str, Figure]:
    loads = caseload_counts()
    children, workers = sum(loads.values()), len(loads)
    figure = Figure(numerator=children, denominator=workers)
    figure.extra = {"average": round(children / workers, 1) if workers else None,
                    "median": median(loads.values()) if loads else None}
    widest = 1
    for low, high in CASELOAD_BANDS:
        n = sum(1 for load in loads.values() if in_band(load, low, high))
        widest = max(widest, n)
        figure.bars.append({"key": f"{low}-{high or ''}", "label": band_label(low, high), "count": n})
    for bar in figure.bars:
        bar["width"] = round(100 * bar["count"] / widest)
    return {"caseloads": figure}


# Changes of social worker, the slowest source on the largest authority, starts at once beside
# timeliness; the rest follow on whichever connection comes free first.
SOURCES = (worker_changes, front_door, cin_with_plan, caseloads, seen_alone, plan_starts_and_ends,
           plans_by_category)


def all_figures(period: Period, today: date) -> dict[str, Figure]:
    jobs: list[Callable[[], dict[str, Figure]]] = [lambda: timeliness(period, today)]
    jobs += [partial(source, period) for source in SOURCES]
    figures: dict[str, Figure] = {}
    for part in side_by_side(jobs):
        figures.update(part)
    return figures
