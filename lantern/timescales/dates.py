"""Plain date helpers shared by the calendar, the deadline engine and the explanations.

Nothing here knows about working days: these are the raw calendar operations the statutory
"weeks" and "months" periods are built from.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta

_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

# The dates anyone may enter, on a page or through the API. The working-day calendar covers 1900 to
# 2199, so a deadline counted forward from any of them (a few years at most) still falls inside it.
FIRST_ENTERED_DAY = date(1900, 1, 1)
LAST_ENTERED_DAY = date(2100, 12, 31)


def within_entered_range(day: date) -> bool:
    return FIRST_ENTERED_DAY <= day <= LAST_ENTERED_DAY


def weekday_name(day: date) -> str:
    # Our own table rather than strftime("%A"), which follows the server's locale.
    return _WEEKDAY_NAMES[day.weekday()]


def month_name(month: int) -> str:
    return _MONTH_NAMES[month - 1]


def long_date(day: date) -> str:
    """GOV.UK style, e.g. "Monday 3 March 2025"."""
    return f"{weekday_name(day)} {day.day} {month_name(day.month)} {day.year}"


def add_months(start: date, months: int) -> date:
    """Same day-of-month `months` later (or earlier if negative), clamped to the month's end.

    31 January + 1 month is 28 February (29 in a leap year): the period may not run into March.
    """
    month_index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(month_index, 12)
    last_day = monthrange(year, month + 1)[1]
    return date(year, month + 1, min(start.day, last_day))


def calendar_period_end(start: date, *, weeks: int = 0, months: int = 0) -> date:
    """The raw end of a calendar period, before any working-day adjustment.

    Months are added first (with clamping), then weeks; negative values count backwards.
    """
    return add_months(start, months) + timedelta(weeks=weeks)


def english_list(items: list[str]) -> str:
    """Join words as in English: "a", "a and b", "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    word = singular if count == 1 else (plural_form or f"{singular}s")
    return f"{count} {word}"
