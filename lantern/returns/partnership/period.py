"""The period a compendium covers: two dates, both included, and its calendar months for the
"over time" tables. The default is the current month so far and the 11 whole months before it."""

from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError

LONGEST_YEARS = 5


@dataclass(frozen=True)
class Month:
    start: date  # the first day of the calendar month
    first: date  # the first day of the month inside the period
    last: date  # the last day of the month inside the period

    @property
    def partial(self) -> bool:
        return self.first != self.start or self.last != self.start + relativedelta(months=1, days=-1)

    @property
    def label(self) -> str:
        if not self.partial:
            return f"{self.start:%b %Y}"
        return f"{self.start:%b %Y} ({self.first.day} to {self.last.day})"

    @property
    def key(self) -> tuple[int, int]:
        return self.start.year, self.start.month


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    @property
    def label(self) -> str:
        return f"{self.start:%-d %B %Y} to {self.end:%-d %B %Y}"

    @property
    def params(self) -> dict[str, str]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}

    @property
    def query(self) -> str:
        """The page's own date inputs, for a link to this period."""
        parts = []
        for name, day in (("start", self.start), ("end", self.end)):
            parts += [f"{name}_0={day.day}", f"{name}_1={day.month}", f"{name}_2={day.year}"]
        return "&".join(parts)

    @property
    def range(self) -> tuple[date, date]:
        return self.start, self.end

    def months(self) -> list[Month]:
        result, start = [], self.start.replace(day=1)
        while start <= self.end:
            month_end = start + relativedelta(months=1, days=-1)
            result.append(Month(start, max(start, self.start), min(month_end, self.end)))
            start += relativedelta(months=1)
        return result


def default_period(today: date) -> Period:
    return Period(today.replace(day=1) - relativedelta(months=11), today)


def period_errors(start: date | None, end: date | None, today: date) -> dict[str, str]:
    """What is wrong with a chosen period, field by field; empty when it is fine."""
    errors: dict[str, str] = {}
    if start is None:
        errors["start"] = "Enter the first day of the period"
    if end is None:
        errors["end"] = "Enter the last day of the period"
    elif end > today:
        errors["end"] = f"The last day of the period must be today ({today:%-d %B %Y}) or earlier"
    if start and end and "end" not in errors:
        if start > end:
            errors["start"] = "The first day of the period must be on or before the last day"
        elif start < end - relativedelta(years=LONGEST_YEARS):
            errors["start"] = f"The period must be {LONGEST_YEARS} years or shorter"
    return errors


def period_from(start: date | None, end: date | None, today: date) -> Period:
    """The period, or a ValidationError naming each wrong date (for the API and the services)."""
    errors = period_errors(start, end, today)
    if errors:
        raise ValidationError(errors)
    assert start is not None and end is not None
    return Period(start, end)


def period_from_params(params: dict, today: date) -> Period:
    """A period kept as {"start", "end"} ISO dates (a ReportFile's parameters, a form's hidden fields)."""
    try:
        start = date.fromisoformat(str(params.get("start", "")))
        end = date.fromisoformat(str(params.get("end", "")))
    except ValueError as exc:
        raise ValidationError("The period's dates must be written as YYYY-MM-DD") from exc
    return period_from(start, end, today)
