"""The registry of timescale rules, and the local-policy values an authority can override.

The catalogue (catalogue.py) is checked as a whole when this module is imported: duplicate ids or
two rules disagreeing about a local-policy default raise RuleDefinitionError straight away.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from types import MappingProxyType

from .catalogue import ALL_RULES
from .periods import Period, PeriodUnit, RuleDefinitionError, months, weeks, working_days
from .rule_types import LOCAL_POLICY_SOURCE, Direction, Repeat, TimescaleRule


def build_registry(rules: Iterable[TimescaleRule]) -> Mapping[str, TimescaleRule]:
    """Index rules by id, refusing duplicates. Used at import for the built-in catalogue."""
    registry: dict[str, TimescaleRule] = {}
    for rule in rules:
        if not isinstance(rule, TimescaleRule):
            raise RuleDefinitionError(f"Not a TimescaleRule: {rule!r}")
        if rule.id in registry:
            raise RuleDefinitionError(f"Duplicate timescale rule id {rule.id!r}")
        registry[rule.id] = rule
    return MappingProxyType(registry)


def collect_local_policy_defaults(rules: Iterable[TimescaleRule]) -> Mapping[str, Period]:
    """Each local-policy key with its default period, as declared by the rules that use it.

    A key may be used twice (a CP visit's first interval and its repeat interval are the same
    setting); both uses must declare the same default or the catalogue is contradictory.
    """
    defaults: dict[str, Period] = {}
    for rule in rules:
        uses = [(rule.local_policy_key, rule.period)]
        uses += [(step.local_policy_key, step.interval) for step in rule.recurrence or ()]
        for key, period in uses:
            if key is None:
                continue
            if defaults.setdefault(key, period) != period:
                raise RuleDefinitionError(f"Local-policy key {key!r} has two defaults: {defaults[key]} and {period}")
    return MappingProxyType(defaults)


_REGISTRY = build_registry(ALL_RULES)
LOCAL_POLICY_DEFAULTS = collect_local_policy_defaults(ALL_RULES)


def rule_for(rule_id: str) -> TimescaleRule:
    try:
        return _REGISTRY[rule_id]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise KeyError(f"No timescale rule {rule_id!r}. Known rules: {known}") from None


def all_rules() -> tuple[TimescaleRule, ...]:
    return tuple(_REGISTRY.values())


def rules_in_force(on_date: date) -> tuple[TimescaleRule, ...]:
    """Rules that apply to a start event on `on_date` (e.g. a 2012 referral gets the legacy
    initial assessment, a 2014 referral the single assessment)."""
    return tuple(rule for rule in _REGISTRY.values() if rule.in_force_on(on_date))


EVERY_RECORD = date.min  # a value with this start applies to clocks started on any date


class LocalPolicy(Mapping[str, Period]):
    """Local-policy key -> period: Lantern's defaults with an authority's values on top.

    LocalPolicy() gives the defaults; LocalPolicy({"cp_visit_interval": weeks(4)}) sets one for
    every record. A value can also be dated: LocalPolicy({"cp_visit_interval": [(date(2026, 4, 1),
    weeks(4))]}) applies to clocks that start on or after 1 April 2026, and earlier clocks keep the
    value in force when they started, so a change of policy never rewrites past deadlines.
    Unknown keys are refused so a typo cannot silently leave the default in force.
    """

    def __init__(self, overrides: Mapping[str, Period | Iterable[tuple[date, Period]]] | None = None) -> None:
        overrides = dict(overrides or {})
        unknown = sorted(set(overrides) - set(LOCAL_POLICY_DEFAULTS))
        if unknown:
            known = ", ".join(sorted(LOCAL_POLICY_DEFAULTS))
            raise RuleDefinitionError(f"Unknown local-policy keys {unknown}. Known keys: {known}")
        self._dated: dict[str, tuple[tuple[date, Period], ...]] = {}
        for key, value in overrides.items():
            changes = list(value) if isinstance(value, Iterable) else [(EVERY_RECORD, value)]
            for change in changes:
                if not (isinstance(change, tuple) and len(change) == 2 and isinstance(change[0], date)
                        and isinstance(change[1], Period)):
                    raise RuleDefinitionError(f"Local policy {key!r} must be a Period or dated Periods, got {value!r}")
            changes.sort(key=lambda change: change[0])
            if changes:
                self._dated[key] = ((EVERY_RECORD, LOCAL_POLICY_DEFAULTS[key]), *changes)
        self.overridden_keys: frozenset[str] = frozenset(
            key for key, changes in self._dated.items() if changes[-1][1] != LOCAL_POLICY_DEFAULTS[key])

    def value_on(self, key: str, day: date) -> tuple[Period, date]:
        """The value in force for a clock that started on `day`, and the date it took effect
        (EVERY_RECORD when it has always applied)."""
        if key not in LOCAL_POLICY_DEFAULTS:
            raise KeyError(key)
        found = (LOCAL_POLICY_DEFAULTS[key], EVERY_RECORD)
        for since, period in self._dated.get(key, ()):
            if since > day:
                break
            found = (period, since)
        return found

    def changes(self, key: str) -> tuple[tuple[date, Period], ...]:
        """The authority's dated values for one key, oldest first (without the default)."""
        return self._dated.get(key, ())[1:]

    def __getitem__(self, key: str) -> Period:
        """The newest value: the one for clocks starting from now on, once any dated change has come."""
        return self.value_on(key, date.max)[0]

    def __iter__(self) -> Iterator[str]:
        return iter(LOCAL_POLICY_DEFAULTS)

    def __len__(self) -> int:
        return len(LOCAL_POLICY_DEFAULTS)

    def is_overridden(self, key: str) -> bool:
        return key in self.overridden_keys

    def __repr__(self) -> str:
        dated = {key: [(since.isoformat(), str(period)) for since, period in self.changes(key)]
                 for key in sorted(self._dated)}
        return f"LocalPolicy(changes={dated})"


__all__ = [
    "LOCAL_POLICY_DEFAULTS",
    "LOCAL_POLICY_SOURCE",
    "EVERY_RECORD",
    "Direction",
    "LocalPolicy",
    "Period",
    "PeriodUnit",
    "Repeat",
    "RuleDefinitionError",
    "TimescaleRule",
    "all_rules",
    "build_registry",
    "months",
    "rule_for",
    "rules_in_force",
    "weeks",
    "working_days",
]
