"""Cross-check against GOV.UK's own list, as bundled in govuk-bank-holidays (no network)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from govuk_bank_holidays.bank_holidays import BankHolidays

from lantern.timescales.bank_holidays import england_weekday_bank_holidays
from lantern.timescales.calendar import WorkingDayCalendar

SUBSTITUTE = " (substitute day)"


@pytest.fixture(scope="module")
def govuk_holidays() -> dict[date, dict[str, str]]:
    # use_cached_holidays=True reads the JSON bundled with the package instead of gov.uk.
    bank_holidays = BankHolidays(use_cached_holidays=True)
    listed = bank_holidays.get_holidays(division=BankHolidays.ENGLAND_AND_WALES)
    return {holiday["date"]: holiday for holiday in listed}


def test_the_cached_copy_covers_a_useful_span(govuk_holidays: dict[date, dict[str, str]]) -> None:
    years = {day.year for day in govuk_holidays}
    assert min(years) <= 2013 and max(years) >= 2027


def test_weekday_bank_holidays_agree_with_govuk_both_ways(
    govuk_holidays: dict[date, dict[str, str]],
) -> None:
    calendar = WorkingDayCalendar()
    first_year = min(day.year for day in govuk_holidays)
    last_year = max(day.year for day in govuk_holidays)
    day, last = date(first_year, 1, 1), date(last_year, 12, 31)
    checked = 0
    while day <= last:
        if day.weekday() < 5:
            assert calendar.is_working_day(day) == (day not in govuk_holidays), day
            checked += 1
        day += timedelta(days=1)
    assert checked > 250 * (last_year - first_year)


def test_our_labels_match_govuk_titles(govuk_holidays: dict[date, dict[str, str]]) -> None:
    calendar = WorkingDayCalendar()
    for day, holiday in govuk_holidays.items():
        ours = calendar.non_working_reason(day)
        assert ours is not None
        title = holiday["title"].replace("\u2019", "'")
        # GOV.UK sometimes adds detail, e.g. "Early May bank holiday (VE day)" in 2020.
        assert title.startswith(ours.removesuffix(SUBSTITUTE)), (day, ours, title)
        if ours.endswith(SUBSTITUTE):
            assert holiday["notes"] == "Substitute day", day


def test_weekend_duplicates_of_substitute_days_are_dropped() -> None:
    listed = england_weekday_bank_holidays(range(2020, 2028))
    assert all(day.weekday() < 5 for day in listed)
    assert date(2026, 12, 26) not in listed  # Boxing Day 2026 is a Saturday...
    assert listed[date(2026, 12, 28)] == "Boxing Day (substitute day)"  # ...observed Monday
