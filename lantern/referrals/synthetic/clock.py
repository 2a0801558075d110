"""Due dates for the synthetic rows, from the statutory clock itself, so that a row is given a
late reason exactly when the services would have asked for one."""

from datetime import date

from lantern.obligations.clock import current_clock
from lantern.timescales.deadlines import compute_deadline
from lantern.timescales.rules import rule_for


class Due:
    def __init__(self):
        clock = current_clock()
        self.calendar, self.policy = clock.calendar, clock.policy
        self.rules = {}

    def __call__(self, rule_id: str, start: date, occurrence: int = 1) -> date:
        rule = self.rules.setdefault(rule_id, rule_for(rule_id))
        return compute_deadline(rule, start, calendar=self.calendar, policy=self.policy, occurrence=occurrence,
                                series_start=start).due_date

    def add_wd(self, day: date, n: int) -> date:
        return self.calendar.add_working_days(day, n)
