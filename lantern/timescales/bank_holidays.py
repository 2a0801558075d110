"""England bank holidays, taken from the `holidays` package and labelled the way GOV.UK does.

Only holidays that fall on a weekday matter for working-day arithmetic. When a holiday falls at a
weekend, `holidays` lists both the weekend date and the weekday substitute ("... (observed)");
the weekend date is dropped here because the weekend already makes it a non-working day, and the
substitute is kept and labelled "(substitute day)" as on gov.uk/bank-holidays.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import holidays

# `holidays` names -> the names social workers see on gov.uk/bank-holidays.
_GOVUK_NAMES = {
    "May Day": "Early May bank holiday",
    "Spring Bank Holiday": "Spring bank holiday",
    "Late Summer Bank Holiday": "Summer bank holiday",
    "Diamond Jubilee of Elizabeth II": "Queen's Diamond Jubilee",
    "Platinum Jubilee of Elizabeth II": "Platinum Jubilee bank holiday",
    "State Funeral of Queen Elizabeth II": "Bank Holiday for the State Funeral of Queen Elizabeth II",
    "Coronation of Charles III": "Bank holiday for the coronation of King Charles III",
}
_OBSERVED_SUFFIX = " (observed)"


def govuk_label(holidays_name: str) -> str:
    """Translate one `holidays` package name into GOV.UK wording (unknown names pass through)."""
    substitute = holidays_name.endswith(_OBSERVED_SUFFIX)
    base = holidays_name.removesuffix(_OBSERVED_SUFFIX)
    label = _GOVUK_NAMES.get(base, base)
    return f"{label} (substitute day)" if substitute else label


def england_weekday_bank_holidays(years: Iterable[int]) -> dict[date, str]:
    """Every bank holiday in England in `years` that falls Monday to Friday, with its label."""
    source = holidays.country_holidays("GB", subdiv="ENG", years=list(years), language="en_GB")
    weekday_holidays: dict[date, str] = {}
    for day in sorted(source):
        if day.weekday() >= 5:
            continue
        # Two holidays can share a date; keep both names rather than losing one.
        weekday_holidays[day] = " and ".join(govuk_label(name) for name in source.get_list(day))
    return weekday_holidays
