"""Working-day examples checked by hand against the printed calendar."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from lantern.timescales.calendar import NonWorkingDay, WorkingDayCalendar
from lantern.timescales.tests.helpers import naive_add

ENGLAND = WorkingDayCalendar()


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        # Easter 2025: Good Friday 18 April, Easter Monday 21 April.
        (date(2025, 4, 17), 1, date(2025, 4, 22)),
        (date(2025, 4, 16), 3, date(2025, 4, 23)),
        (date(2025, 4, 22), -1, date(2025, 4, 17)),
        # Easter 2026: Good Friday 3 April, Easter Monday 6 April.
        (date(2026, 4, 2), 1, date(2026, 4, 7)),
        # Christmas 2025: Thu 25, Fri 26 December, Thu 1 January 2026.
        (date(2025, 12, 24), 1, date(2025, 12, 29)),
        (date(2025, 12, 24), 5, date(2026, 1, 5)),
        # Christmas 2026: Boxing Day is a Saturday, so Monday 28 December is the substitute day.
        (date(2026, 12, 24), 1, date(2026, 12, 29)),
        (date(2026, 12, 24), 3, date(2026, 12, 31)),
        (date(2026, 12, 24), 4, date(2027, 1, 4)),
        # 2022: spring bank holiday moved to Thu 2 June, Platinum Jubilee Fri 3 June.
        (date(2022, 6, 1), 1, date(2022, 6, 6)),
        # 2022: State Funeral of Queen Elizabeth II, Monday 19 September.
        (date(2022, 9, 16), 1, date(2022, 9, 20)),
        # 2023: early May bank holiday Mon 1 May, Coronation Mon 8 May.
        (date(2023, 4, 28), 1, date(2023, 5, 2)),
        (date(2023, 5, 5), 1, date(2023, 5, 9)),
        # ICPC example from the brief: 15 working days from Monday 3 March 2025.
        (date(2025, 3, 3), 15, date(2025, 3, 24)),
        # Starting on a non-working day: day 1 is the next working day.
        (date(2025, 3, 1), 1, date(2025, 3, 3)),
        (date(2025, 3, 1), -1, date(2025, 2, 28)),
        # Day 0 is the start date itself, whatever kind of day it is.
        (date(2025, 3, 1), 0, date(2025, 3, 1)),
    ],
)
def test_add_working_days_hand_checked(start: date, n: int, expected: date) -> None:
    assert ENGLAND.add_working_days(start, n) == expected


@pytest.mark.parametrize(
    ("day", "reason"),
    [
        (date(2025, 4, 18), "Good Friday"),
        (date(2025, 4, 21), "Easter Monday"),
        (date(2025, 5, 5), "Early May bank holiday"),
        (date(2025, 12, 25), "Christmas Day"),
        (date(2026, 12, 28), "Boxing Day (substitute day)"),
        (date(2026, 12, 26), "Saturday"),  # the weekend date itself is closed by the weekend
        (date(2022, 6, 2), "Spring bank holiday"),
        (date(2022, 6, 3), "Platinum Jubilee bank holiday"),
        (date(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II"),
        (date(2023, 5, 8), "Bank holiday for the coronation of King Charles III"),
        (date(2025, 3, 2), "Sunday"),
    ],
)
def test_non_working_days_have_readable_reasons(day: date, reason: str) -> None:
    assert ENGLAND.is_working_day(day) is False
    assert ENGLAND.non_working_reason(day) == reason


def test_the_usual_late_may_monday_was_a_working_day_in_2022() -> None:
    # The spring bank holiday moved from Mon 30 May to Thu 2 June for the Jubilee.
    assert ENGLAND.is_working_day(date(2022, 5, 30)) is True
    assert ENGLAND.non_working_reason(date(2022, 5, 30)) is None


def test_working_days_between_examples() -> None:
    assert ENGLAND.working_days_between(date(2025, 4, 17), date(2025, 4, 22)) == 1
    assert ENGLAND.working_days_between(date(2026, 12, 24), date(2027, 1, 4)) == 4
    assert ENGLAND.working_days_between(date(2025, 2, 28), date(2025, 3, 3)) == 1
    assert ENGLAND.working_days_between(date(2025, 3, 3), date(2025, 2, 28)) == -1
    assert ENGLAND.working_days_between(date(2025, 3, 1), date(2025, 2, 28)) == -1
    assert ENGLAND.working_days_between(date(2025, 3, 3), date(2025, 3, 3)) == 0


@pytest.mark.parametrize(
    ("start", "weeks", "months", "expected"),
    [
        (date(2025, 1, 31), 0, 1, date(2025, 2, 28)),  # month end clamps
        (date(2024, 1, 31), 0, 1, date(2024, 2, 29)),  # leap year
        (date(2024, 12, 30), 0, 3, date(2025, 3, 28)),  # Sun 30 March -> Fri 28 March
        (date(2025, 1, 21), 0, 3, date(2025, 4, 17)),  # Easter Monday -> back past Good Friday
        (date(2025, 12, 19), 1, 0, date(2025, 12, 24)),  # Boxing Day -> Christmas Eve
        (date(2025, 4, 14), 6, 0, date(2025, 5, 23)),  # Spring bank holiday 26 May -> Fri 23
        (date(2025, 3, 3), 4, 0, date(2025, 3, 31)),  # a working day: unchanged
    ],
)
def test_add_calendar_period_moves_back_to_a_working_day(start: date, weeks: int, months: int, expected: date) -> None:
    assert ENGLAND.add_calendar_period(start, weeks=weeks, months=months) == expected


def test_local_closure_day_is_skipped_and_named() -> None:
    calendar = WorkingDayCalendar({date(2025, 12, 24): "Christmas Eve closure"})
    assert ENGLAND.add_working_days(date(2025, 12, 23), 1) == date(2025, 12, 24)
    assert calendar.add_working_days(date(2025, 12, 23), 1) == date(2025, 12, 29)
    assert calendar.non_working_days_between(date(2025, 12, 23), date(2025, 12, 29)) == (
        NonWorkingDay(date(2025, 12, 24), "Christmas Eve closure"),
        NonWorkingDay(date(2025, 12, 25), "Christmas Day"),
        NonWorkingDay(date(2025, 12, 26), "Boxing Day"),
        NonWorkingDay(date(2025, 12, 27), "Saturday"),
        NonWorkingDay(date(2025, 12, 28), "Sunday"),
    )


def test_closures_given_as_bare_dates_get_a_default_label() -> None:
    calendar = WorkingDayCalendar(frozenset({date(2025, 6, 4)}))
    assert calendar.non_working_reason(date(2025, 6, 4)) == "Local closure"
    assert calendar.working_days_between(date(2025, 6, 3), date(2025, 6, 5)) == 1


def test_closure_on_a_weekend_or_bank_holiday_changes_nothing() -> None:
    calendar = WorkingDayCalendar({date(2025, 3, 1): "Saturday closure", date(2025, 12, 25): "Shut"})
    assert calendar.non_working_reason(date(2025, 3, 1)) == "Saturday"
    assert calendar.non_working_reason(date(2025, 12, 25)) == "Christmas Day"
    assert calendar.add_working_days(date(2025, 2, 27), 2) == date(2025, 3, 3)


def test_datetime_closures_are_refused() -> None:
    with pytest.raises(TypeError):
        WorkingDayCalendar({datetime(2025, 6, 4, 9, 0): "Training day"})


def test_non_working_days_between_is_inclusive_and_order_free() -> None:
    forwards = ENGLAND.non_working_days_between(date(2025, 4, 18), date(2025, 4, 21))
    backwards = ENGLAND.non_working_days_between(date(2025, 4, 21), date(2025, 4, 18))
    assert forwards == backwards
    assert [day.reason for day in forwards] == [
        "Good Friday", "Saturday", "Sunday", "Easter Monday",
    ]  # fmt: skip


def test_holiday_years_load_lazily() -> None:
    calendar = WorkingDayCalendar()
    assert len(calendar.loaded_years) == 0
    calendar.is_working_day(date(2025, 6, 2))
    assert 2025 in calendar.loaded_years
    assert len(calendar.loaded_years) <= 6
    calendar.add_working_days(date(2025, 6, 2), 2500)  # about ten years on
    assert 2035 in calendar.loaded_years


def test_years_outside_the_supported_range_fail_loudly() -> None:
    with pytest.raises(ValueError, match="outside the supported range"):
        ENGLAND.is_working_day(date(1850, 1, 1))


def test_large_n_matches_a_slow_walk() -> None:
    assert ENGLAND.add_working_days(date(2020, 1, 1), 5000) == naive_add(date(2020, 1, 1), 5000)
    assert ENGLAND.add_working_days(date(2020, 1, 1), -3000) == naive_add(date(2020, 1, 1), -3000)
