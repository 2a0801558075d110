"""The census rules as data: each rule has the DfE's id ("8615"; a query ends in Q, "8670Q"), the
DfE's message, the collection years it applies to, and a function. A child rule's function takes one
child's records and the run's context and yields each record that breaks the rule; a return rule
takes the whole return. A bad definition fails at import, never half-way through a validation."""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..years import SUPPORTED_YEARS

_ID = re.compile(r"^\d{3,4}Q?$")
SCOPES = ("child", "return")


class RuleDefinitionError(ValueError):
    pass


@dataclass(frozen=True)
class Rule:
    id: str
    message: str
    years: frozenset[int]
    check: Callable[..., Iterable]
    scope: str = "child"

    @property
    def severity(self) -> str:
        return "query" if self.id.endswith("Q") else "error"

    @property
    def is_query(self) -> bool:
        return self.id.endswith("Q")


_RULES: list[Rule] = []


def _check_definition(new: Rule) -> None:
    if not _ID.match(new.id):
        raise RuleDefinitionError(f"Census rule id {new.id!r} must be 3-4 digits, with Q for a query")
    if not new.message.strip():
        raise RuleDefinitionError(f"Census rule {new.id} has no message")
    if not new.years or not new.years <= set(SUPPORTED_YEARS):
        raise RuleDefinitionError(f"Census rule {new.id} names years {sorted(new.years)} outside {SUPPORTED_YEARS}")
    if new.scope not in SCOPES:
        raise RuleDefinitionError(f"Census rule {new.id} has scope {new.scope!r}; use one of {SCOPES}")
    if not callable(new.check):
        raise RuleDefinitionError(f"Census rule {new.id} has no function")
    for old in _RULES:
        if old.id == new.id and old.years & new.years:
            raise RuleDefinitionError(f"Census rule {new.id} is defined twice for {sorted(old.years & new.years)}")


def register(new: Rule) -> Rule:
    _check_definition(new)
    _RULES.append(new)
    return new


def rule(rule_id: str, message: str, *, years: Iterable[int] = SUPPORTED_YEARS, scope: str = "child"):
    """Decorator: register the function as census rule ``rule_id``."""
    def add(check):
        register(Rule(id=rule_id, message=message, years=frozenset(years), check=check, scope=scope))
        return check
    return add


def rules_for(year: int) -> list[Rule]:
    return sorted((r for r in _RULES if year in r.years), key=lambda r: (int(r.id.rstrip("Q")), r.id))


def all_rules() -> list[Rule]:
    return list(_RULES)


__all__ = ["Rule", "RuleDefinitionError", "all_rules", "register", "rule", "rules_for"]
