"""Turn a rule and a start date into a due date, and a due date into a status for today.

compute_deadline does the arithmetic eagerly (it is called in bulk); the list of skipped days and
the explanation text are worked out only when someone reads them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

from .calendar import NonWorkingDay, WorkingDayCalendar
from .dates import calendar_period_end
from .explain import explain_deadline
from .periods import Period, PeriodUnit
from .rule_types import LOCAL_POLICY_SOURCE, Direction, Repeat, TimescaleRule
from .rules import EVERY_RECORD, LocalPolicy
from .status import ObligationState, ObligationStatus, obligation_status

_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Deadline:
    rule: TimescaleRule
    occurrence: int  # 1 = first (from start_event); 2+ = repeats (from the previous occurrence)
    start_event: str
    start_date: date
    period: Period  # after local policy, repeat steps and any extension were applied
    source: str  # the rule's source, or "Local policy" when the period came from local policy
    local_policy_key: str | None
    # When the local-policy value used took effect (None: a statutory period, or a value that has
    # always applied), so the explanation can say which of the authority's values counted.
    policy_since: date | None
    due_date: date
    calendar_date: date | None  # weeks/months only: the raw end before moving back
    extended: bool
    # The calendar used, kept so the status and explanation agree with the arithmetic.
    calendar: WorkingDayCalendar = field(compare=False, repr=False)

    @property
    def direction(self) -> Direction:
        return self.rule.direction

    @property
    def moved_back(self) -> bool:
        return self.calendar_date is not None and self.calendar_date != self.due_date

    @cached_property
    def skipped_days(self) -> tuple[NonWorkingDay, ...]:
        """Working-day rules: the non-working days passed over between start and due date.
        Calendar rules: the non-working days the deadline moved back over (incl. the raw end)."""
        if self.calendar_date is not None:
            if not self.moved_back:
                return ()
            return self.calendar.non_working_days_between(self.due_date + _ONE_DAY, self.calendar_date)
        first, last = sorted((self.start_date, self.due_date))
        if last - first <= _ONE_DAY:
            return ()
        return self.calendar.non_working_days_between(first + _ONE_DAY, last - _ONE_DAY)

    @cached_property
    def explanation(self) -> str:
        return explain_deadline(self)


def compute_deadline(
    rule: TimescaleRule,
    start_date: date,
    *,
    calendar: WorkingDayCalendar,
    policy: Mapping[str, Period],
    occurrence: int = 1,
    series_start: date | None = None,
    extended: bool = False,
) -> Deadline:
    """When `rule` is due, counting from `start_date`.

    occurrence=1 counts from the rule's start event (e.g. the ICPC for the first core group).
    occurrence>=2 counts from the previous occurrence's date, using the rule's repeat interval;
    rules whose interval changes "after the first year" also need `series_start` (e.g. the
    placement start). `extended=True` uses the rule's extension (legacy initial assessment).
    """
    period, key, since, start_event = _period_for(rule, start_date, policy, occurrence, series_start, extended)
    calendar_date, due = _count(rule, start_date, period, calendar)
    return Deadline(
        rule=rule,
        occurrence=occurrence,
        start_event=start_event,
        start_date=start_date,
        period=period,
        source=LOCAL_POLICY_SOURCE if key is not None else rule.source,
        local_policy_key=key,
        policy_since=since,
        due_date=due,
        calendar_date=calendar_date,
        extended=extended,
        calendar=calendar,
    )


def compute_due_date(
    rule: TimescaleRule,
    start_date: date,
    *,
    calendar: WorkingDayCalendar,
    policy: Mapping[str, Period],
    occurrence: int = 1,
    series_start: date | None = None,
    extended: bool = False,
) -> date:
    """The due date alone, worked out exactly as ``compute_deadline`` does, without building what
    the explanation needs: a recompute asks for a hundred and fifty thousand of them."""
    period = _period_for(rule, start_date, policy, occurrence, series_start, extended)[0]
    return _count(rule, start_date, period, calendar)[1]


def _period_for(rule: TimescaleRule, start_date: date, policy: Mapping[str, Period], occurrence: int,
                series_start: date | None, extended: bool) -> tuple[Period, str | None, date | None, str]:
    """The period that applies, its local-policy key and the date that value took effect, and the
    event the clock counts from."""
    if occurrence < 1:
        raise ValueError(f"occurrence starts at 1, got {occurrence}")
    if occurrence == 1:
        return _first_period(rule, policy, extended, start_date)
    if extended:
        raise ValueError("Only the first occurrence of a rule can be extended")
    step = _repeat_step(rule, occurrence, start_date, series_start)
    period, key, since = _resolve(step.interval, step.local_policy_key, policy, start_date)
    return period, key, since, rule.repeat_start_event or rule.start_event


def _count(rule: TimescaleRule, start_date: date, period: Period,
           calendar: WorkingDayCalendar) -> tuple[date | None, date]:
    """(the raw end of a calendar period, or None for working days; the due date)."""
    sign = -1 if rule.direction is Direction.BEFORE else 1
    if period.unit is PeriodUnit.WORKING_DAYS:
        return None, calendar.add_working_days(start_date, sign * period.amount)
    calendar_date = _calendar_end(start_date, period, sign)
    return calendar_date, calendar.last_working_day_on_or_before(calendar_date)


def _calendar_end(start: date, period: Period, sign: int) -> date:
    if period.unit is PeriodUnit.WEEKS:
        return calendar_period_end(start, weeks=sign * period.amount)
    return calendar_period_end(start, months=sign * period.amount)


def _resolve(default: Period, key: str | None, policy: Mapping[str, Period],
             start: date) -> tuple[Period, str | None, date | None]:
    """The period for a clock started on `start`: the local-policy value in force that day when
    the rule has one (a dated LocalPolicy), else the statutory default."""
    if key is None:
        return default, None, None
    try:
        if isinstance(policy, LocalPolicy):
            period, since = policy.value_on(key, start)
            return period, key, None if since == EVERY_RECORD else since
        return policy[key], key, None
    except KeyError:
        raise KeyError(f"Local policy has no value for {key!r}; pass a LocalPolicy") from None


def _first_period(rule: TimescaleRule, policy: Mapping[str, Period], extended: bool,
                  start: date) -> tuple[Period, str | None, date | None, str]:
    if extended:
        if rule.extension is None:
            raise ValueError(f"{rule.name} has no extended timescale")
        return rule.extension, None, None, rule.start_event
    period, key, since = _resolve(rule.period, rule.local_policy_key, policy, start)
    return period, key, since, rule.start_event


def _repeat_step(rule: TimescaleRule, occurrence: int, previous: date, series_start: date | None) -> Repeat:
    if not rule.recurrence:
        raise ValueError(f"{rule.name} does not recur, so it has no occurrence {occurrence}")
    chosen = rule.recurrence[0]  # validated: always applies from occurrence 2
    for step in rule.recurrence[1:]:
        if step.from_occurrence > occurrence:
            continue
        age = step.once_series_older_than
        if age is not None:
            if series_start is None:
                raise ValueError(f"{rule.name}: pass series_start to choose the repeat interval")
            if series_start > previous:
                raise ValueError("series_start cannot be after the previous occurrence")
            if previous < _calendar_end(series_start, age, 1):
                continue
        chosen = step
    return chosen


__all__ = [
    "Deadline",
    "ObligationState",
    "ObligationStatus",
    "compute_deadline",
    "compute_due_date",
    "obligation_status",
]
