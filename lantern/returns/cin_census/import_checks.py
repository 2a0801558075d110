"""What a census file must satisfy to become Lantern records, beyond the census's own errors:
Lantern's constraints (one open child protection plan per child, a start date on every record),
its code lists, and that no child in the file is already in Lantern. Also the warnings: census
queries, and values Lantern works out for itself rather than taking from the file."""

import re
from collections import Counter

from django.conf import settings

from lantern.people.models import LANTERN_ID_PREFIX, Person

from .codes import FACTORS, REFERRAL_SOURCES, UPN_UNKNOWN
from .problems import Problem
from .records import Return
from .validate import Issue, describe

_LANTERN_ID = re.compile(rf"^{LANTERN_ID_PREFIX}(\d+)$")


def issue_problem(issue: Issue) -> Problem:
    return Problem(message=f"{issue.rule}: {issue.message}", element=issue.where, line=issue.line,
                   la_child_id=issue.la_child_id, rule=issue.rule)


def lantern_problems(census: Return) -> list[Problem]:
    problems: list[Problem] = []

    def refuse(child, record, message):
        problems.append(Problem(message=message, element=describe(record), line=record.line,
                                la_child_id=child.la_child_id))

    for child in census.children:
        if len(child.la_child_id) > 20:
            refuse(child, child, "LAchildID is longer than 20 characters")
        if (child.birth_date is None) == (child.expected_birth_date is None):
            refuse(child, child, "Lantern needs a date of birth or an expected date of birth (one, not both)")
        if len(child.former_upn) > 13:
            refuse(child, child, "FormerUPN is longer than 13 characters")
        if child.upn_unknown and child.upn_unknown not in UPN_UNKNOWN:
            refuse(child, child, f"UPNunknown {child.upn_unknown!r} is not one of UN1 to UN7")
        open_plans = 0
        for e in child.episodes:
            if e.referral_source not in REFERRAL_SOURCES:
                refuse(child, e, f"ReferralSource {e.referral_source!r} is not a code Lantern records")
            for a in e.assessments:
                if a.start is None:
                    refuse(child, a, "The assessment has no AssessmentActualStartDate")
                unknown = [code for code in a.factors if code not in FACTORS]
                if unknown:
                    refuse(child, a, f"Unknown assessment factor code {', '.join(unknown)}")
            for s in e.s47s:
                if s.start is None:
                    refuse(child, s, "The Section 47 enquiry has no S47ActualStartDate")
                if s.icpc_date and s.icpc_not_required:
                    refuse(child, s, "ICPCnotRequired is true but an initial conference date is given")
            open_plans += sum(1 for p in e.cp_plans if p.end is None)
        if open_plans > 1:
            refuse(child, child, "The child has more than one open child protection plan")
    return problems + _already_in_lantern(census)


def _already_in_lantern(census: Return) -> list[Problem]:
    """A child whose LAchildID or UPN Lantern already holds: importing would make a duplicate."""
    from lantern.returns.models import CensusChild

    ids = [c.la_child_id for c in census.children if c.la_child_id]
    upns = [c.upn for c in census.children if c.upn]
    taken_ids = set(CensusChild.objects.filter(la_child_id__in=ids).values_list("la_child_id", flat=True))
    lantern_pks = {int(m.group(1)) for i in ids if (m := _LANTERN_ID.match(i))}
    taken_ids |= {Person(pk=pk).lantern_id for pk in Person.objects.filter(pk__in=lantern_pks).values_list("pk",
                                                                                                          flat=True)}
    taken_upns = dict(Person.objects.filter(upn__in=upns).values_list("upn", "pk"))
    problems = []
    for child in census.children:
        if child.la_child_id in taken_ids:
            problems.append(Problem(f"LAchildID {child.la_child_id} is already a child in Lantern", "Child's details",
                                    child.line, child.la_child_id))
        if child.upn in taken_upns:
            problems.append(Problem(f"UPN {child.upn} already belongs to {Person(pk=taken_upns[child.upn]).lantern_id} "
                                    "in Lantern: the child may already be recorded", "Child's details", child.line,
                                    child.la_child_id))
    return problems


def lantern_warnings(census: Return, targets: dict) -> list[Problem]:
    """``targets`` maps each Section47 record to the due date Lantern's statutory clock gives it."""
    warnings = []
    if census.header.lea and census.header.lea != settings.LANTERN_LA_CODE:
        warnings.append(Problem(f"The file is from LA {census.header.lea}; this is LA {settings.LANTERN_LA_CODE}",
                                "LEA", census.header.line))
    counts: Counter[str] = Counter()
    for child in census.children:
        for e in child.episodes:
            for s in e.s47s:
                due = targets.get(id(s))
                if s.icpc_target and due and s.icpc_target != due:
                    counts["target"] += 1
                    if counts["target"] <= 200:
                        warnings.append(Problem(
                            f"InitialCPCtarget {s.icpc_target:%-d %b %Y} differs from Lantern's statutory clock "
                            f"({due:%-d %b %Y}); Lantern keeps its own", describe(s), s.line, child.la_child_id))
    return warnings
