"""What every rule may need besides the child's own records: the collection year, the working-day
calendar (the statutory clock's, so closure days count; loaded only when a rule first needs it), and
facts about the whole return that a single child cannot know (LAchildIDs and UPNs used twice)."""

from collections import Counter
from datetime import date
from functools import cached_property

from lantern.timescales.calendar import WorkingDayCalendar

from ..records import ChildRecord
from ..years import CollectionYear


class Context:
    def __init__(self, year: CollectionYear, calendar: WorkingDayCalendar | None = None, *,
                 repeated_ids: frozenset[str] = frozenset(), repeated_upns: frozenset[str] = frozenset()):
        self.year, self._calendar = year, calendar
        self.repeated_ids, self.repeated_upns = repeated_ids, repeated_upns
        self.ref: date = year.reference_date
        self.start: date = year.start

    @cached_property
    def calendar(self) -> WorkingDayCalendar:
        if self._calendar is not None:
            return self._calendar
        from lantern.obligations.clock import current_clock

        return current_clock().calendar

    def working_days_before_ref(self, day: date) -> int:
        return self.calendar.working_days_between(day, self.ref)

    @cached_property
    def nfa_referrals_from(self) -> date:
        """Rule 8569: an NFA referral may be dated at most one working day before the period."""
        return self.calendar.add_working_days(self.start, -1)


def build_context(year: CollectionYear, children: list[ChildRecord], calendar: WorkingDayCalendar | None = None,
                  *, known_ids: Counter | None = None, known_upns: Counter | None = None) -> Context:
    """``known_ids``/``known_upns`` count identifiers across the whole return when only one child's
    records are being checked (the child summary), so 8510 and 1520 still see the others."""
    ids = Counter(c.la_child_id for c in children if c.la_child_id)
    upns = Counter(c.upn for c in children if c.upn)
    ids.update(known_ids or {})
    upns.update(known_upns or {})
    return Context(year, calendar, repeated_ids=frozenset(k for k, n in ids.items() if n > 1),
                   repeated_upns=frozenset(k for k, n in upns.items() if n > 1))
