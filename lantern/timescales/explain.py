"""The explanation a social worker reads beside a due date.

Example: "Initial child protection conference: 15 working days from the strategy discussion that
started the section 47 enquiry on Monday 3 March 2025 (Working Together to Safeguard Children
2023). Due Monday 24 March 2025. Skipped 6 non-working days: 6 weekend days."
Weekends are summarised as a count; bank holidays and closures are named with their dates.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .calendar import NonWorkingDay
from .dates import english_list, long_date, month_name, plural
from .periods import PeriodUnit
from .rule_types import Direction

if TYPE_CHECKING:  # deadlines imports this module; the type is only needed for checking
    from .deadlines import Deadline


def explain_deadline(deadline: Deadline) -> str:
    sentences = [_headline(deadline)]
    if deadline.calendar_date is None:
        sentences.append(f"Due {long_date(deadline.due_date)}.")
        sentences.append(_skipped_sentence(deadline.skipped_days))
    else:
        sentences.extend(_calendar_period_sentences(deadline))
    return " ".join(sentence for sentence in sentences if sentence)


def describe_non_working_days(days: Iterable[NonWorkingDay]) -> str:
    """Weekends as a count, other days by name and date: "2 weekend days, Good Friday on ..."."""
    days = list(days)
    weekend_days = sum(1 for day in days if day.is_weekend)
    parts = [plural(weekend_days, "weekend day")] if weekend_days else []
    parts += [f"{day.reason} on {long_date(day.day)}" for day in days if not day.is_weekend]
    return english_list(parts)


def ordinal(number: int) -> str:
    # 11th, 12th, 13th (and 111th...) break the 1st/2nd/3rd pattern.
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _headline(deadline: Deadline) -> str:
    rule = deadline.rule
    title = rule.name
    if rule.recurrence:
        title = f"{title} ({ordinal(deadline.occurrence)})"
    length = deadline.period.describe()
    if deadline.extended:
        length = f"{length} (extended from {rule.period.describe()})"
    how_long = f"at least {length} before" if rule.direction is Direction.BEFORE else f"{length} from"
    when = long_date(deadline.start_date)
    source = deadline.source
    if deadline.policy_since is not None:
        source = f"{source} from {long_date(deadline.policy_since)}"
    return f"{title}: {how_long} the {deadline.start_event} on {when} ({source})."


def _skipped_sentence(skipped: tuple[NonWorkingDay, ...]) -> str:
    if not skipped:
        return "No non-working days fell in between."
    count = plural(len(skipped), "non-working day")
    return f"Skipped {count}: {describe_non_working_days(skipped)}."


def _calendar_period_sentences(deadline: Deadline) -> list[str]:
    sentences = []
    raw_end = deadline.calendar_date
    assert raw_end is not None  # only called for calendar periods
    start = deadline.start_date
    if deadline.period.unit is PeriodUnit.MONTHS and raw_end.day != start.day:
        sentences.append(
            f"There is no {start.day} {month_name(raw_end.month)} {raw_end.year}, "
            f"so the period ends on the last day of {month_name(raw_end.month)}."
        )
    if deadline.moved_back:
        reason = deadline.calendar.non_working_reason(raw_end)
        passed_over = [day for day in deadline.skipped_days if day.day != raw_end]
        moved = (
            f"The period ends on {long_date(raw_end)}, which is not a working day ({reason}), "
            "so the deadline moves back to the last working day before it"
        )
        if passed_over:
            moved += f", passing over {describe_non_working_days(passed_over)}"
        sentences.append(f"{moved}.")
    sentences.append(f"Due {long_date(deadline.due_date)}.")
    return sentences
