"""The authority's calendar and local policy, loaded from the database and shared by every
computation (services, the recompute command, pages and the API)."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Max

from lantern.timescales.calendar import WorkingDayCalendar
from lantern.timescales.periods import Period, PeriodUnit
from lantern.timescales.rules import LocalPolicy

from .models import ClosureDay, LocalPolicySetting


@dataclass(frozen=True)
class Clock:
    calendar: WorkingDayCalendar
    policy: LocalPolicy


_cache: dict[tuple, Clock] = {}


def current_clock() -> Clock:
    """One query to check whether closures or policy changed; the built calendar is reused."""
    closures = ClosureDay.objects.aggregate(n=Count("id"), last=Max("added_at"), top=Max("id"))
    settings = LocalPolicySetting.objects.aggregate(n=Count("id"), last=Max("changed_at"))
    stamp = (closures["n"], closures["last"], closures["top"], settings["n"], settings["last"])
    clock = _cache.get(stamp)
    if clock is None:
        days: dict[date, str] = dict(ClosureDay.objects.values_list("day", "label"))
        overrides = {s.key: Period(s.amount, PeriodUnit(s.unit)) for s in LocalPolicySetting.objects.all()}
        clock = Clock(calendar=WorkingDayCalendar(days), policy=LocalPolicy(overrides))
        _cache.clear()
        _cache[stamp] = clock
    return clock
