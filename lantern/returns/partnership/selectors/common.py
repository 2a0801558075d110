"""What the indicators share: a count out of a total, the agencies in the order the board reads them,
and filling calendar months that have no records."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from lantern.protection.codes import MeetingAgency

from ..period import Month, Period

AGENCIES: tuple[tuple[str, str], ...] = tuple((a.value, a.label) for a in MeetingAgency)
PARTNERS: tuple[tuple[str, str], ...] = tuple(a for a in AGENCIES if a[0] != MeetingAgency.CSC)
POLICE, HEALTH, EDUCATION, CSC = (MeetingAgency.POLICE.value, MeetingAgency.HEALTH.value,
                                  MeetingAgency.EDUCATION.value, MeetingAgency.CSC.value)


@dataclass(frozen=True)
class Share:
    """``n`` out of ``of``; the percentage is rounded half up, and there is none when ``of`` is 0."""

    n: int
    of: int

    @property
    def percent(self) -> int | None:
        if not self.of:
            return None
        return (200 * self.n + self.of) // (2 * self.of)

    @property
    def text(self) -> str:
        return "–" if self.percent is None else f"{self.percent}%"

    def as_dict(self) -> dict:
        return {"n": self.n, "of": self.of, "percent": self.percent}


def month_key(value) -> tuple[int, int]:
    """(year, month) of a TruncMonth value (a date on every database Lantern supports)."""
    return value.year, value.month


def by_month(period: Period, rows: Iterable[Mapping[str, Any]], key: str = "month") -> list[tuple[Month, dict]]:
    """Each month of the period with its grouped row (an empty dict for a month without records)."""
    found: dict[tuple[int, int], dict] = {}
    for row in rows:
        found.setdefault(month_key(row[key]), {}).update(row)
    return [(m, found.get(m.key, {})) for m in period.months()]
