"""Collection years. The 2024-25 census has Year 2025 and ReferenceDate 31 March 2025; its period
runs from 1 April 2024. Each year has a ruleset; a year carries the previous one forward."""

from dataclasses import dataclass
from datetime import date

FIRST_YEAR = 2023  # the cin2022_23 ruleset: the oldest one Lantern checks
LAST_YEAR = 2026  # cin2025_26
SEX_FROM_YEAR = 2025  # Sex (M/F/U) replaces GenderCurrent from the 2024-25 census
SUPPORTED_YEARS = tuple(range(FIRST_YEAR, LAST_YEAR + 1))


@dataclass(frozen=True)
class CollectionYear:
    year: int

    def __post_init__(self) -> None:
        if self.year not in SUPPORTED_YEARS:
            raise ValueError(f"Lantern writes and checks the CIN census for {FIRST_YEAR}-{LAST_YEAR}, not {self.year}")

    @property
    def reference_date(self) -> date:
        return date(self.year, 3, 31)

    @property
    def start(self) -> date:
        return date(self.year - 1, 4, 1)

    @property
    def label(self) -> str:
        return f"{self.year - 1}-{str(self.year)[2:]}"

    @property
    def ruleset(self) -> str:
        return f"cin{self.year - 1}_{str(self.year)[2:]}"

    @property
    def uses_sex(self) -> bool:
        return self.year >= SEX_FROM_YEAR

    def contains(self, day: date | None) -> bool:
        return day is not None and self.start <= day <= self.reference_date


def current_collection_year(today: date) -> CollectionYear:
    """The year being collected now: the one whose period contains today, capped to the years
    Lantern supports (after 31 March the new year's data is already being recorded)."""
    year = today.year + 1 if today.month >= 4 else today.year
    return CollectionYear(min(max(year, FIRST_YEAR), LAST_YEAR))


def years_from(first: int) -> tuple[int, ...]:
    return tuple(y for y in SUPPORTED_YEARS if y >= first)


def years_to(last: int) -> tuple[int, ...]:
    return tuple(y for y in SUPPORTED_YEARS if y <= last)
