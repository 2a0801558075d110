"""Running the census rules: over a whole return (the extract once, then every rule child by child)
or over one child's records (the same code, with a one-child extract)."""

from collections.abc import Callable
from dataclasses import asdict, dataclass

from .records import (
    AssessmentRecord,
    ChildRecord,
    CinPlanRecord,
    CpPlanRecord,
    EpisodeRecord,
    Header,
    Return,
    Section47Record,
)
from .rules import build_context, rules_for
from .years import CollectionYear

PROGRESS_EVERY = 2000


@dataclass(frozen=True, slots=True)
class Issue:
    rule: str
    severity: str  # "error" blocks the return; "query" must be corrected or explained
    message: str
    la_child_id: str = ""
    person_id: int | None = None
    where: str = ""
    line: int | None = None

    def as_dict(self) -> dict:
        return asdict(self)


def _day(value) -> str:
    return value.strftime("%-d %b %Y") if value else "no date"


def describe(record) -> str:
    """Where a finding sits, in words a worker can find on the child's record."""
    if isinstance(record, Header):
        return "Return header"
    if isinstance(record, ChildRecord):
        return "Child's details"
    if isinstance(record, EpisodeRecord):
        return f"Referral of {_day(record.referral_date)}"
    if isinstance(record, AssessmentRecord):
        return f"Assessment started {_day(record.start)}"
    if isinstance(record, CinPlanRecord):
        return f"Child in need plan from {_day(record.start)}"
    if isinstance(record, Section47Record):
        return f"Section 47 enquiry started {_day(record.start)}"
    if isinstance(record, CpPlanRecord):
        return f"Child protection plan from {_day(record.start)}"
    return type(record).__name__


def validate_return(census: Return, *, calendar=None, known_ids=None, known_upns=None,
                    progress: Callable[[int, int], None] | None = None) -> list[Issue]:
    year = CollectionYear(census.header.year)
    ctx = build_context(year, census.children, calendar, known_ids=known_ids, known_upns=known_upns)
    rules = rules_for(year.year)
    child_rules = [(r, r.check, r.severity, r.message) for r in rules if r.scope == "child"]
    issues: list[Issue] = []
    add = issues.append
    total = len(census.children)
    for n, child in enumerate(census.children, start=1):
        for rule, check, severity, message in child_rules:
            for record in check(child, ctx):
                add(Issue(rule.id, severity, message, child.la_child_id, child.person_id, describe(record),
                          record.line))
        if progress and n % PROGRESS_EVERY == 0:
            progress(n, total)
    for rule in rules:
        if rule.scope == "return":
            for record in rule.check(census, ctx):
                add(Issue(rule.id, rule.severity, rule.message, where=describe(record), line=record.line))
    return issues


def validate_child(child: ChildRecord, year: CollectionYear, *, calendar=None, known_upns=None) -> list[Issue]:
    """One child's findings: only the child rules (return-level queries are about the whole return)."""
    census = Return(header=Header(year=year.year, reference_date=year.reference_date), children=[child])
    issues = validate_return(census, calendar=calendar, known_upns=known_upns)
    return [i for i in issues if i.la_child_id == child.la_child_id and i.where != "Return header"]
