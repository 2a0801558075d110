"""Shared test helpers: an independent day-by-day oracle and hypothesis settings."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta

import holidays
from hypothesis import settings

# No example database: it would write a .hypothesis folder outside lantern/timescales.
PROPERTY_SETTINGS = settings(database=None, max_examples=150, deadline=None)

FIRST_TEST_YEAR = 1995
LAST_TEST_YEAR = 2045
ONE_DAY = timedelta(days=1)

# Read straight from the `holidays` package, deliberately not through our calendar module.
_ENGLAND = holidays.country_holidays("GB", subdiv="ENG", years=range(1990, 2051))


def naive_is_working(day: date, closures: Collection[date] = ()) -> bool:
    return day.weekday() < 5 and day not in _ENGLAND and day not in closures


def naive_add(start: date, n: int, closures: Collection[date] = ()) -> date:
    """Walk one day at a time until n working days have passed."""
    step = ONE_DAY if n > 0 else -ONE_DAY
    day, remaining = start, abs(n)
    while remaining:
        day += step
        if naive_is_working(day, closures):
            remaining -= 1
    return day


def naive_between(a: date, b: date, closures: Collection[date] = ()) -> int:
    """Working days in (a, b] if a <= b, else minus the working days in [b, a)."""
    if a <= b:
        days = (a + ONE_DAY * i for i in range(1, (b - a).days + 1))
        return sum(1 for day in days if naive_is_working(day, closures))
    days = (b + ONE_DAY * i for i in range((a - b).days))
    return -sum(1 for day in days if naive_is_working(day, closures))
