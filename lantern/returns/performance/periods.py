"""The periods the dashboard offers: the last 12 months to today (the default), and years to
31 March (the statistical year the DfE and Ofsted use), the current one counted to today."""

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from dateutil.relativedelta import relativedelta

YEARS_BACK = 5
LAST_12 = "last12"


@dataclass(frozen=True)
class Period:
    key: str
    start: date
    end: date  # inclusive; never after today
    label: str

    def months(self) -> list[date]:
        """The first day of each of the 12 calendar months ending with the period's last month."""
        return list(self._months)

    def month_ends(self) -> list[date]:
        """The day each month of the chart is counted on: its last day, or the period's end."""
        return list(self._month_ends)

    # Worked out once per period: every figure asks for them, several times.
    @cached_property
    def _months(self) -> tuple[date, ...]:
        last = self.end.replace(day=1)
        return tuple(last - relativedelta(months=back) for back in range(11, -1, -1))

    @cached_property
    def _month_ends(self) -> tuple[date, ...]:
        return tuple(min(first + relativedelta(months=1, days=-1), self.end) for first in self._months)

    @property
    def earliest(self) -> date:
        """The first day any figure of this period or its monthly chart needs."""
        return min(self.start, self.months()[0])


def last_12_months(today: date) -> Period:
    start = today - relativedelta(years=1) + relativedelta(days=1)
    return Period(LAST_12, start, today, f"the 12 months to {today:%-d %B %Y}")


def year_to_march(year: int, today: date) -> Period:
    """The year 1 April ``year`` to 31 March ``year + 1``, counted to today if it has not ended."""
    start, end = date(year, 4, 1), date(year + 1, 3, 31)
    if end <= today:
        return Period(f"fy{year}", start, end, f"the year to 31 March {year + 1}")
    return Period(f"fy{year}", start, today, f"April {year} to {today:%-d %B %Y} (year to 31 March {year + 1}, "
                                           "so far)")


def current_statistical_year(today: date) -> int:
    return today.year if today.month >= 4 else today.year - 1


def period_choices(today: date) -> list[Period]:
    first = current_statistical_year(today)
    return [last_12_months(today), *(year_to_march(first - back, today) for back in range(YEARS_BACK))]


def period_for(key: str | None, today: date) -> Period:
    """The period a request asked for; ValueError names what is offered if it is not one of them."""
    choices = period_choices(today)
    if not key:
        return choices[0]
    for period in choices:
        if period.key == key:
            return period
    raise ValueError(f"Choose one of the periods offered: {', '.join(p.key for p in choices)}")
