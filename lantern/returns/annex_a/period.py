"""The period a workbook covers: any span of up to 24 months that has happened, by default the six
months to today (the window Ofsted asks for before an inspection)."""

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError

MAX_MONTHS = 24


def months_before(day: date, months: int) -> date:
    """The same day ``months`` calendar months earlier (the month's last day when it is shorter)."""
    return day - relativedelta(months=months)


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    @property
    def label(self) -> str:
        return f"{self.start:%-d %B %Y} to {self.end:%-d %B %Y}"

    def year_before(self, day: date) -> date:
        """The first day of the twelve months that end on ``day``."""
        return months_before(day, 12) + timedelta(days=1)

    def as_parameters(self) -> dict:
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}

    @classmethod
    def from_parameters(cls, parameters: dict) -> "Period":
        return cls(date.fromisoformat(parameters["start"]), date.fromisoformat(parameters["end"]))


def default_period(today: date) -> Period:
    """The six months to today: from the day after the same date six months ago, to today."""
    return Period(months_before(today, 6) + timedelta(days=1), today)


def period_errors(start: date | None, end: date | None, today: date) -> dict[str, str]:
    errors: dict[str, str] = {}
    if start is None:
        errors["start"] = "Enter the first day of the period"
    if end is None:
        errors["end"] = "Enter the last day of the period"
    if errors:
        return errors
    assert start is not None and end is not None
    if start > today:
        errors["start"] = "The first day of the period must be today or in the past"
    if end > today:
        errors["end"] = "The last day of the period must be today or in the past"
    if end < start:
        errors["end"] = "The last day of the period must be the same as or after the first day"
    elif months_before(end, MAX_MONTHS) >= start:
        errors["start"] = f"The period can be at most {MAX_MONTHS} months long"
    return errors


def period_check(start: date | None, end: date | None, today: date) -> Period:
    """The period, or a ValidationError whose messages name the field that is wrong."""
    errors = period_errors(start, end, today)
    if errors:
        raise ValidationError(errors)
    assert start is not None and end is not None
    return Period(start, end)
