"""The census rules. Importing this package registers every rule; ``rules_for(year)`` lists the
ones that apply to a collection year."""

from . import activity, assessments, characteristics, episodes, header, identifiers, plans, protection  # noqa: F401
from .context import Context, build_context
from .registry import Rule, RuleDefinitionError, all_rules, rule, rules_for

__all__ = ["Context", "Rule", "RuleDefinitionError", "all_rules", "build_context", "rule", "rules_for"]
