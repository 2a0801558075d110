"""The shape of a timescale rule, validated the moment it is constructed.

Every rule in the registry is built at import time, so a mistake here (an unknown unit, a missing
source, dates the wrong way round) stops the application from starting rather than quietly
producing wrong deadlines for children.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from .periods import Period, PeriodUnit, RuleDefinitionError

LOCAL_POLICY_SOURCE = "Local policy"
_RULE_ID = re.compile(r"^[a-z][a-z0-9_]*$")


class Direction(StrEnum):
    AFTER = "after"  # "within 15 working days of the strategy discussion"
    BEFORE = "before"  # "at least 2 working days before the conference"


@dataclass(frozen=True)
class Repeat:
    """Spacing of later occurrences: each is due `interval` after the previous one.

    A rule lists its Repeat steps in order; for a given occurrence the LAST step that applies wins.
    A step applies from occurrence number `from_occurrence`, and (if set) only once the previous
    occurrence is at least `once_series_older_than` after the series began (e.g. "after the first
    year of the placement"). `local_policy_key` lets an authority override the interval.
    """

    interval: Period
    from_occurrence: int = 2
    once_series_older_than: Period | None = None
    local_policy_key: str | None = None

    def __post_init__(self) -> None:
        _require(isinstance(self.interval, Period), f"Repeat interval must be a Period: {self!r}")
        _require(
            isinstance(self.from_occurrence, int) and self.from_occurrence >= 2,
            f"Repeat.from_occurrence must be 2 or more: {self!r}",
        )
        age = self.once_series_older_than
        _require(
            age is None or (isinstance(age, Period) and not age.is_working_days),
            f"once_series_older_than must be weeks or months: {self!r}",
        )
        _require_key(self.local_policy_key, self)


@dataclass(frozen=True)
class TimescaleRule:
    id: str
    name: str  # plain English, shown to social workers
    start_event: str  # noun phrase, read as "from the <start_event> on <date>"
    met_by_event: str
    period: Period  # for local-policy rules this is the default an authority may override
    source: str  # legislation or guidance, or "Local policy"
    direction: Direction = Direction.AFTER
    recurrence: tuple[Repeat, ...] | None = None
    repeat_start_event: str | None = None  # e.g. "previous core group"
    is_local_policy: bool = False
    local_policy_key: str | None = None
    extension: Period | None = None  # a longer period allowed in stated circumstances
    applies_from: date | None = None  # judged on the start event's date
    applies_to: date | None = None
    notes: str = ""

    def __post_init__(self) -> None:
        try:  # accept "before" as well as Direction.BEFORE, but nothing else
            object.__setattr__(self, "direction", Direction(self.direction))
        except ValueError:
            raise RuleDefinitionError(f"Timescale rule {self.id!r}: unknown direction {self.direction!r}") from None
        _validate_rule(self)

    def in_force_on(self, day: date) -> bool:
        return (self.applies_from is None or self.applies_from <= day) and (
            self.applies_to is None or day <= self.applies_to
        )

    @property
    def local_policy_keys(self) -> tuple[str, ...]:
        """Every local-policy key this rule reads, for its first period or any later interval."""
        keys = [self.local_policy_key] + [step.local_policy_key for step in self.recurrence or ()]
        return tuple(dict.fromkeys(key for key in keys if key is not None))


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise RuleDefinitionError(message)


def _require_key(key: str | None, owner: object) -> None:
    _require(
        key is None or (isinstance(key, str) and bool(_RULE_ID.match(key))),
        f"Local-policy keys are snake_case strings: {owner!r}",
    )


def _is_text(value: object) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _is_plain_date(value: object) -> bool:
    return value is None or type(value) is date


def _validate_rule(rule: TimescaleRule) -> None:
    label = f"Timescale rule {rule.id!r}"
    _require(isinstance(rule.id, str) and bool(_RULE_ID.match(rule.id)), f"{label}: id must be snake_case")
    for field in ("name", "start_event", "met_by_event", "source"):
        _require(_is_text(getattr(rule, field)), f"{label}: {field} is missing")
    _require(isinstance(rule.period, Period), f"{label}: period must be a Period")

    _require_key(rule.local_policy_key, label)
    _require(
        rule.is_local_policy == (rule.local_policy_key is not None),
        f"{label}: is_local_policy and local_policy_key must be set together",
    )
    _require(
        rule.is_local_policy == (rule.source == LOCAL_POLICY_SOURCE),
        f"{label}: source must be {LOCAL_POLICY_SOURCE!r} exactly when the rule is local policy",
    )

    _require(_is_plain_date(rule.applies_from), f"{label}: applies_from must be a date")
    _require(_is_plain_date(rule.applies_to), f"{label}: applies_to must be a date")
    if rule.applies_from is not None and rule.applies_to is not None:
        _require(rule.applies_from <= rule.applies_to, f"{label}: applies_from is after applies_to")

    if rule.extension is not None:
        _require(
            isinstance(rule.extension, Period)
            and rule.extension.unit is rule.period.unit
            and rule.extension.amount > rule.period.amount,
            f"{label}: extension must be a longer period in the same unit",
        )
        _require(not rule.is_local_policy, f"{label}: a local-policy rule cannot have an extension")

    _validate_recurrence(rule, label)


def _validate_recurrence(rule: TimescaleRule, label: str) -> None:
    if rule.recurrence is None:
        _require(rule.repeat_start_event is None, f"{label}: repeat_start_event without recurrence")
        return
    steps = rule.recurrence
    _require(isinstance(steps, tuple) and len(steps) > 0, f"{label}: recurrence must be a non-empty tuple")
    _require(all(isinstance(step, Repeat) for step in steps), f"{label}: recurrence steps must be Repeat")
    _require(_is_text(rule.repeat_start_event), f"{label}: recurrence needs a repeat_start_event")
    _require(rule.direction is Direction.AFTER, f"{label}: a 'before' deadline cannot recur")
    first = steps[0]
    # The first step must always apply so that every later occurrence has an interval.
    _require(
        first.from_occurrence == 2 and first.once_series_older_than is None,
        f"{label}: the first Repeat step must apply from occurrence 2 unconditionally",
    )
    numbers = [step.from_occurrence for step in steps]
    _require(numbers == sorted(numbers), f"{label}: Repeat steps must be in occurrence order")


# Re-exported for callers that build rules.
__all__ = [
    "LOCAL_POLICY_SOURCE",
    "Direction",
    "Period",
    "PeriodUnit",
    "Repeat",
    "RuleDefinitionError",
    "TimescaleRule",
]
