"""The authority's calendar and local policy, loaded from the database and shared by every
computation (services, the recompute command, pages and the API)."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Max

from lantern.timescales.calendar import WorkingDayCalendar
from lantern.timescales.deadlines import compute_due_date
from lantern.timescales.periods import Period, PeriodUnit
from lantern.timescales.rules import LOCAL_POLICY_DEFAULTS, LocalPolicy, rule_for

from .models import ClosureDay, LocalPolicySetting


@dataclass(frozen=True)
class Clock:
    calendar: WorkingDayCalendar
    policy: LocalPolicy
    # Many obligations share their inputs (every visit of a plan started the same day), so each
    # distinct due date is worked out once per calendar and policy; bounded to keep memory flat.
    _due_dates: dict = field(default_factory=dict, compare=False, repr=False)

    def due_date(self, rule_id: str, start: date, *, occurrence: int = 1, series_start: date | None = None,
                 extended: bool = False) -> date:
        key = (rule_id, start, occurrence, series_start, extended)
        due = self._due_dates.get(key)
        if due is None:
            if len(self._due_dates) >= 500_000:
                self._due_dates.clear()
            due = self._due_dates[key] = compute_due_date(
                rule_for(rule_id), start, calendar=self.calendar, policy=self.policy, occurrence=occurrence,
                series_start=series_start, extended=extended)
        return due


_cache: dict[tuple, Clock] = {}


def current_clock() -> Clock:
    """One query to check whether closures or policy changed; the built calendar is reused."""
    closures = ClosureDay.objects.aggregate(n=Count("id"), last=Max("added_at"), top=Max("id"))
    settings = LocalPolicySetting.objects.aggregate(n=Count("id"), last=Max("changed_at"))
    stamp = (closures["n"], closures["last"], closures["top"], settings["n"], settings["last"])
    clock = _cache.get(stamp)
    if clock is None:
        days: dict[date, str] = dict(ClosureDay.objects.values_list("day", "label"))
        dated: dict[str, list[tuple[date, Period]]] = {}
        for setting in LocalPolicySetting.objects.all():
            dated.setdefault(setting.key, []).append((setting.effective_from, Period(setting.amount,
                                                                                     PeriodUnit(setting.unit))))
        overrides = {key: changes for key, changes in dated.items() if key in LOCAL_POLICY_DEFAULTS}
        clock = Clock(calendar=WorkingDayCalendar(days), policy=LocalPolicy(overrides))
        _cache.clear()
        _cache[stamp] = clock
    return clock
