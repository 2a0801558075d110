"""Working days in England: Monday to Friday, except bank holidays and local closure days.

Conventions (see README.md):
* Day 0 is the start event's date; "within N working days" is the Nth working day after it.
  A start on a non-working day is allowed: day 1 is then the first working day after it.
* A negative N counts back: -2 is the second working day before the date.
* A period in weeks or months is a calendar period; if it ends on a non-working day the deadline
  moves BACK to the last working day before it (never later than the statute allows).

Speed: holiday years are loaded lazily into one sorted tuple of working-day ordinals, so adding
N working days or counting them between two dates is a bisect, not a day-by-day walk.
"""

from __future__ import annotations

import threading
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType

from .bank_holidays import england_weekday_bank_holidays
from .dates import calendar_period_end, weekday_name

FIRST_SUPPORTED_YEAR = 1900
LAST_SUPPORTED_YEAR = 2199
LOCAL_CLOSURE_LABEL = "Local closure"
_YEARS_LOADED_AROUND_A_MISS = 3  # load a few neighbouring years at once: deadlines cross year ends


@dataclass(frozen=True)
class NonWorkingDay:
    day: date
    reason: str  # "Saturday", "Good Friday", "Christmas Eve closure", ...

    @property
    def is_weekend(self) -> bool:
        return self.day.weekday() >= 5


@dataclass(frozen=True)
class _YearIndex:
    """An immutable snapshot of the loaded years. It is replaced whole, never edited in place,
    so a thread reading it while another extends the range always sees consistent data."""

    first_year: int
    last_year: int
    working_ordinals: tuple[int, ...]
    closed_weekdays: Mapping[date, str]

    def covers(self, year: int) -> bool:
        return self.first_year <= year <= self.last_year


_EMPTY_INDEX = _YearIndex(0, -1, (), MappingProxyType({}))


class WorkingDayCalendar:
    """England's working days plus an authority's own closure days.

    `closures` is what an administrator has entered: a mapping of date -> label, or just dates
    (labelled "Local closure"). A closure that falls at a weekend or on a bank holiday changes
    nothing and keeps the weekend / bank holiday label.
    """

    def __init__(self, closures: Mapping[date, str] | Iterable[date] = ()) -> None:
        if isinstance(closures, Mapping):
            labelled = {day: str(label) or LOCAL_CLOSURE_LABEL for day, label in closures.items()}
        else:
            labelled = {day: LOCAL_CLOSURE_LABEL for day in closures}
        for day in labelled:
            # datetime is a subclass of date but would never match a date key in a lookup.
            if type(day) is not date:
                raise TypeError(f"Closure days must be dates, got {day!r}")
        self.closures: Mapping[date, str] = MappingProxyType(labelled)
        self._index = _EMPTY_INDEX
        self._lock = threading.Lock()

    # ---- single days -------------------------------------------------------------------------

    def is_working_day(self, day: date) -> bool:
        index = self._index_covering(day.year)
        return day.weekday() < 5 and day not in index.closed_weekdays

    def non_working_reason(self, day: date) -> str | None:
        """Why `day` is not a working day, or None if it is one."""
        if day.weekday() >= 5:
            return weekday_name(day)
        return self._index_covering(day.year).closed_weekdays.get(day)

    def non_working_days_between(self, first: date, last: date) -> tuple[NonWorkingDay, ...]:
        """Every non-working day from `first` to `last` inclusive (either order), with its reason.

        Walks day by day: meant for explanations, which span weeks, not for bulk arithmetic.
        """
        if first > last:
            first, last = last, first
        found = []
        day = first
        while day <= last:
            reason = self.non_working_reason(day)
            if reason is not None:
                found.append(NonWorkingDay(day, reason))
            day += timedelta(days=1)
        return tuple(found)

    # ---- arithmetic --------------------------------------------------------------------------

    def add_working_days(self, start: date, n: int) -> date:
        """The Nth working day after `start` (before it if N < 0); N = 0 returns `start`."""
        if n == 0:
            return start
        ordinal = start.toordinal()
        # Rough calendar span of N working days (about 253 a year), used to pre-load years.
        years_needed = abs(n) // 240 + 1
        index = self._index_covering(start.year)
        while True:
            working = index.working_ordinals
            # Forwards: from the last working day on or before start, N further on.
            # Backwards: from the first working day on or after start, |N| back.
            position = bisect_right(working, ordinal) - 1 + n if n > 0 else bisect_left(working, ordinal) + n
            if 0 <= position < len(working):
                return date.fromordinal(working[position])
            target_year = start.year + years_needed if n > 0 else start.year - years_needed
            index = self._index_covering(min(start.year, target_year), max(start.year, target_year))
            years_needed += _YEARS_LOADED_AROUND_A_MISS

    def working_days_between(self, a: date, b: date) -> int:
        """Signed working-day distance from `a` to `b`, consistent with add_working_days.

        a <= b: the working days in (a, b]; a > b: minus the working days in [b, a).
        So add_working_days(a, working_days_between(a, b)) == b whenever b is a working day.
        """
        working = self._index_covering(min(a, b).year, max(a, b).year).working_ordinals
        if a <= b:
            return bisect_right(working, b.toordinal()) - bisect_right(working, a.toordinal())
        return -(bisect_left(working, a.toordinal()) - bisect_left(working, b.toordinal()))

    def last_working_day_on_or_before(self, day: date) -> date:
        index = self._index_covering(day.year)
        while True:
            position = bisect_right(index.working_ordinals, day.toordinal()) - 1
            if position >= 0:
                return date.fromordinal(index.working_ordinals[position])
            index = self._index_covering(index.first_year - 1)

    def add_calendar_period(self, start: date, weeks: int = 0, months: int = 0) -> date:
        """End of a calendar period, moved back to the last working day on or before it."""
        return self.last_working_day_on_or_before(calendar_period_end(start, weeks=weeks, months=months))

    # ---- lazy loading ------------------------------------------------------------------------

    @property
    def loaded_years(self) -> range:
        index = self._index
        return range(index.first_year, index.last_year + 1)

    def _index_covering(self, first_year: int, last_year: int | None = None) -> _YearIndex:
        last_year = first_year if last_year is None else last_year
        index = self._index
        if index.covers(first_year) and index.covers(last_year):
            return index
        for year in (first_year, last_year):
            if not FIRST_SUPPORTED_YEAR <= year <= LAST_SUPPORTED_YEAR:
                raise ValueError(
                    f"Year {year} is outside the supported range {FIRST_SUPPORTED_YEAR}-{LAST_SUPPORTED_YEAR}"
                )
        with self._lock:
            index = self._index
            if not (index.covers(first_year) and index.covers(last_year)):
                self._index = self._build_index(first_year, last_year)
            return self._index

    def _build_index(self, first_year: int, last_year: int) -> _YearIndex:
        current = self._index
        if current.last_year >= current.first_year:  # keep what is loaded; ranges stay contiguous
            first_year = min(first_year, current.first_year)
            last_year = max(last_year, current.last_year)
        first_year = max(FIRST_SUPPORTED_YEAR, first_year - 1)
        last_year = min(LAST_SUPPORTED_YEAR, last_year + _YEARS_LOADED_AROUND_A_MISS - 1)

        closed: dict[date, str] = {
            day: label
            for day, label in self.closures.items()
            if first_year <= day.year <= last_year and day.weekday() < 5
        }
        # Bank holiday labels win over a closure entered for the same day.
        closed.update(england_weekday_bank_holidays(range(first_year, last_year + 1)))

        start = date(first_year, 1, 1).toordinal()
        end = date(last_year, 12, 31).toordinal()
        working = tuple(
            ordinal
            for ordinal in range(start, end + 1)
            # date.fromordinal(1) is a Monday, so (ordinal - 1) % 7 is the weekday.
            if (ordinal - 1) % 7 < 5 and date.fromordinal(ordinal) not in closed
        )
        return _YearIndex(first_year, last_year, working, MappingProxyType(closed))
