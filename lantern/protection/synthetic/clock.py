"""Dates for the synthetic rows from the statutory clock itself, so a row carries a late reason
exactly when the services would have asked for one."""

from datetime import date

from lantern.obligations.clock import current_clock
from lantern.timescales.deadlines import compute_deadline
from lantern.timescales.rules import rule_for


class Clock:
    def __init__(self, rng, today: date):
        clock = current_clock()
        self.calendar, self.policy, self.rng, self.today = clock.calendar, clock.policy, rng, today
        self._rules: dict = {}

    def due(self, rule_id: str, start: date, occurrence: int = 1, series_start: date | None = None) -> date:
        rule = self._rules.setdefault(rule_id, rule_for(rule_id))
        return compute_deadline(rule, start, calendar=self.calendar, policy=self.policy, occurrence=occurrence,
                                series_start=series_start or start).due_date

    def add(self, day: date, n: int) -> date:
        return self.calendar.add_working_days(day, n)

    def working_on_or_before(self, day: date) -> date:
        return self.calendar.last_working_day_on_or_before(day)

    def between(self, day: date, low: int, high: int) -> date:
        """A working day ``low``..``high`` working days after ``day``."""
        return self.add(day, self.rng.randint(low, high))

    def on_time_or_late(self, due: date, on_time: bool, earliest: date, late_by: tuple[int, int]) -> date:
        """A date on or before ``due`` (but not before ``earliest``), or a few working days after it."""
        if on_time:
            span = max(0, self.calendar.working_days_between(earliest, due))
            return self.add(earliest, self.rng.randint(0, span)) if span else max(earliest, due)
        return self.add(due, self.rng.randint(*late_by))
