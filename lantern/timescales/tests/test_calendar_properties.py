"""Property tests: the bisect arithmetic must agree with a plain day-by-day walk."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from hypothesis import assume, given
from hypothesis import strategies as st

from lantern.timescales.calendar import WorkingDayCalendar
from lantern.timescales.dates import calendar_period_end
from lantern.timescales.tests.helpers import (
    FIRST_TEST_YEAR,
    LAST_TEST_YEAR,
    ONE_DAY,
    PROPERTY_SETTINGS,
    naive_add,
    naive_between,
    naive_is_working,
)

ENGLAND = WorkingDayCalendar()

any_date = st.dates(min_value=date(FIRST_TEST_YEAR, 1, 1), max_value=date(LAST_TEST_YEAR, 12, 31))
working_day_counts = st.integers(min_value=-400, max_value=400)
# Closures cluster in a few recent years so that they actually fall inside the tested ranges.
closure_sets = st.frozensets(st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 12, 31)), max_size=12)
dates_near_closures = st.dates(min_value=date(2023, 10, 1), max_value=date(2027, 3, 31))


@lru_cache(maxsize=64)
def calendar_with(closures: frozenset[date]) -> WorkingDayCalendar:
    return WorkingDayCalendar(closures)


@PROPERTY_SETTINGS
@given(day=any_date)
def test_is_working_day_matches_the_holidays_package(day: date) -> None:
    assert ENGLAND.is_working_day(day) == naive_is_working(day)


@PROPERTY_SETTINGS
@given(start=dates_near_closures, n=working_day_counts, closures=closure_sets)
def test_add_working_days_matches_a_day_by_day_walk(start: date, n: int, closures: frozenset[date]) -> None:
    assert calendar_with(closures).add_working_days(start, n) == naive_add(start, n, closures)


@PROPERTY_SETTINGS
@given(a=dates_near_closures, b=dates_near_closures, closures=closure_sets)
def test_working_days_between_matches_a_naive_count(a: date, b: date, closures: frozenset[date]) -> None:
    assert calendar_with(closures).working_days_between(a, b) == naive_between(a, b, closures)


@PROPERTY_SETTINGS
@given(start=any_date, n=working_day_counts)
def test_between_inverts_add(start: date, n: int) -> None:
    assert ENGLAND.working_days_between(start, ENGLAND.add_working_days(start, n)) == n


@PROPERTY_SETTINGS
@given(a=any_date, b=any_date)
def test_add_inverts_between_when_the_target_is_a_working_day(a: date, b: date) -> None:
    assume(ENGLAND.is_working_day(b))
    assert ENGLAND.add_working_days(a, ENGLAND.working_days_between(a, b)) == b


@PROPERTY_SETTINGS
@given(a=any_date, b=any_date)
def test_between_is_antisymmetric_for_working_days(a: date, b: date) -> None:
    assume(ENGLAND.is_working_day(a) and ENGLAND.is_working_day(b))
    assert ENGLAND.working_days_between(a, b) == -ENGLAND.working_days_between(b, a)


@PROPERTY_SETTINGS
@given(start=any_date, n=working_day_counts.filter(lambda n: n != 0))
def test_result_is_a_working_day_on_the_right_side_of_the_start(start: date, n: int) -> None:
    result = ENGLAND.add_working_days(start, n)
    assert ENGLAND.is_working_day(result)
    assert (result > start) if n > 0 else (result < start)


@PROPERTY_SETTINGS
@given(first=any_date, second=any_date, n=working_day_counts)
def test_add_working_days_is_monotonic_in_the_start(first: date, second: date, n: int) -> None:
    earlier, later = sorted((first, second))
    assert ENGLAND.add_working_days(earlier, n) <= ENGLAND.add_working_days(later, n)


@PROPERTY_SETTINGS
@given(start=any_date, n1=working_day_counts, n2=working_day_counts)
def test_add_working_days_is_monotonic_in_n(start: date, n1: int, n2: int) -> None:
    fewer, more = sorted((n1, n2))
    assert ENGLAND.add_working_days(start, fewer) <= ENGLAND.add_working_days(start, more)


@PROPERTY_SETTINGS
@given(
    start=dates_near_closures,
    weeks=st.integers(min_value=0, max_value=60),
    months=st.integers(min_value=0, max_value=24),
    closures=closure_sets,
)
def test_calendar_period_lands_on_the_last_working_day_not_after_the_raw_date(
    start: date, weeks: int, months: int, closures: frozenset[date]
) -> None:
    calendar = calendar_with(closures)
    raw = calendar_period_end(start, weeks=weeks, months=months)
    due = calendar.add_calendar_period(start, weeks=weeks, months=months)
    assert calendar.is_working_day(due)
    assert due <= raw
    # Nothing between the due date and the raw date is a working day: it moved back no further.
    day = due + ONE_DAY
    while day <= raw:
        assert not naive_is_working(day, closures)
        day += ONE_DAY


@PROPERTY_SETTINGS
@given(start=any_date, weeks=st.integers(min_value=1, max_value=60))
def test_a_period_of_a_week_or_more_always_ends_after_the_start(start: date, weeks: int) -> None:
    # England's longest run of non-working days is 4 (e.g. Christmas 2021), shorter than a week.
    assert ENGLAND.add_calendar_period(start, weeks=weeks) > start
