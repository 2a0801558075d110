"""A timescale's length: an amount and a unit (working days, weeks or months)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class RuleDefinitionError(ValueError):
    """A timescale rule (or a local-policy value) is badly defined. Raised at import time for the
    built-in registry, so a bad edit fails every test run instead of producing wrong deadlines."""


class PeriodUnit(StrEnum):
    WORKING_DAYS = "working_days"
    WEEKS = "weeks"
    MONTHS = "months"


_UNIT_WORDS = {
    PeriodUnit.WORKING_DAYS: ("working day", "working days"),
    PeriodUnit.WEEKS: ("week", "weeks"),
    PeriodUnit.MONTHS: ("month", "months"),
}


@dataclass(frozen=True)
class Period:
    amount: int
    unit: PeriodUnit

    def __post_init__(self) -> None:
        try:
            unit = PeriodUnit(self.unit)
        except ValueError:
            known = ", ".join(unit.value for unit in PeriodUnit)
            raise RuleDefinitionError(f"Unknown period unit {self.unit!r}; use one of: {known}") from None
        object.__setattr__(self, "unit", unit)  # accept "weeks" as well as PeriodUnit.WEEKS
        # bool is an int subclass; True weeks is a typo, not a period.
        if isinstance(self.amount, bool) or not isinstance(self.amount, int) or self.amount < 1:
            raise RuleDefinitionError(f"A period needs a whole number >= 1, got {self.amount!r}")

    @property
    def is_working_days(self) -> bool:
        return self.unit is PeriodUnit.WORKING_DAYS

    def describe(self) -> str:
        """Plain English, e.g. "1 working day", "15 working days", "6 weeks", "3 months"."""
        singular, plural = _UNIT_WORDS[self.unit]
        return f"{self.amount} {singular if self.amount == 1 else plural}"

    def __str__(self) -> str:
        return self.describe()


def working_days(amount: int) -> Period:
    return Period(amount, PeriodUnit.WORKING_DAYS)


def weeks(amount: int) -> Period:
    return Period(amount, PeriodUnit.WEEKS)


def months(amount: int) -> Period:
    return Period(amount, PeriodUnit.MONTHS)
