"""Census records -> the DfE's CIN census XML, streamed child by child.

Elements are written in exactly the order of the DfE specification (the reader's SCHEMA, which a
test holds the writer to), without a namespace; dates are ISO, booleans lowercase true/false, and
each review date has a Reviews element of its own. An optional element is written only when the
record has a value for it. From 2024-25 the child's Sex is written; before, GenderCurrent."""

from collections.abc import Callable
from datetime import date, datetime
from typing import BinaryIO
from xml.sax.saxutils import escape

from .codes import GENDER_FOR_SEX
from .records import AssessmentRecord, ChildRecord, CpPlanRecord, EpisodeRecord, Return, Section47Record
from .years import CollectionYear

SOFTWARE = "Lantern"
INDENT = "  "
FLUSH_EVERY = 500  # children per write


def _text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return escape(str(value))


class _Lines:
    """Indented lines with helpers for leaf and optional elements."""

    __slots__ = ("lines",)

    def __init__(self):
        self.lines: list[str] = []

    def leaf(self, depth: int, name: str, value) -> None:
        self.lines.append(f"{INDENT * depth}<{name}>{_text(value)}</{name}>")

    def optional(self, depth: int, name: str, value) -> None:
        if value is not None and value != "":
            self.lines.append(f"{INDENT * depth}<{name}>{_text(value)}</{name}>")

    def open(self, depth: int, name: str) -> None:
        self.lines.append(f"{INDENT * depth}<{name}>")

    def close(self, depth: int, name: str) -> None:
        self.lines.append(f"{INDENT * depth}</{name}>")


def _header(out: _Lines, ret: Return, *, serial: int, generated_at: datetime, release: str) -> None:
    header = ret.header
    out.lines.append('<?xml version="1.0" encoding="UTF-8"?>')
    out.open(0, "Message")
    out.open(1, "Header")
    out.open(2, "CollectionDetails")
    out.leaf(3, "Collection", "CIN")
    out.leaf(3, "Year", header.year)
    out.optional(3, "ReferenceDate", header.reference_date)
    out.close(2, "CollectionDetails")
    out.open(2, "Source")
    out.leaf(3, "SourceLevel", "L")
    out.leaf(3, "LEA", header.lea)
    out.leaf(3, "SoftwareCode", SOFTWARE)
    out.leaf(3, "Release", release)
    out.leaf(3, "SerialNo", serial)
    out.leaf(3, "DateTime", generated_at.replace(microsecond=0, tzinfo=None).isoformat())
    out.close(2, "Source")
    out.close(1, "Header")
    out.open(1, "Children")


def _identifiers(out: _Lines, child: ChildRecord, uses_sex: bool) -> None:
    out.open(3, "ChildIdentifiers")
    out.leaf(4, "LAchildID", child.la_child_id)
    out.optional(4, "UPN", child.upn)
    out.optional(4, "FormerUPN", child.former_upn)
    out.optional(4, "UPNunknown", child.upn_unknown)
    out.optional(4, "PersonBirthDate", child.birth_date)
    out.optional(4, "ExpectedPersonBirthDate", child.expected_birth_date)
    if uses_sex:
        out.optional(4, "Sex", child.sex)
    else:
        out.optional(4, "GenderCurrent", child.gender_current or GENDER_FOR_SEX.get(child.sex, ""))
    out.optional(4, "PersonDeathDate", child.death_date)
    out.close(3, "ChildIdentifiers")
    out.open(3, "ChildCharacteristics")
    out.optional(4, "Ethnicity", child.ethnicity)
    if child.disabilities:
        out.open(4, "Disabilities")
        for code in child.disabilities:
            out.leaf(5, "Disability", code)
        out.close(4, "Disabilities")
    out.close(3, "ChildCharacteristics")


def _assessment(out: _Lines, a: AssessmentRecord) -> None:
    out.open(4, "Assessments")
    out.optional(5, "AssessmentActualStartDate", a.start)
    out.optional(5, "AssessmentInternalReviewDate", a.internal_review)
    out.optional(5, "AssessmentAuthorisationDate", a.authorised)
    if a.factors:
        out.open(5, "FactorsIdentifiedAtAssessment")
        for code in a.factors:
            out.leaf(6, "AssessmentFactors", code)
        out.close(5, "FactorsIdentifiedAtAssessment")
    out.close(4, "Assessments")


def _section47(out: _Lines, s: Section47Record) -> None:
    out.open(4, "Section47")
    out.optional(5, "S47ActualStartDate", s.start)
    out.optional(5, "InitialCPCtarget", s.icpc_target)
    out.optional(5, "DateOfInitialCPC", s.icpc_date)
    out.optional(5, "ICPCnotRequired", s.icpc_not_required)
    out.close(4, "Section47")


def _cp_plan(out: _Lines, p: CpPlanRecord) -> None:
    out.open(4, "ChildProtectionPlans")
    out.optional(5, "CPPstartDate", p.start)
    out.optional(5, "CPPendDate", p.end)
    out.optional(5, "InitialCategoryOfAbuse", p.initial_category)
    out.optional(5, "LatestCategoryOfAbuse", p.latest_category)
    out.optional(5, "NumberOfPreviousCPP", p.previous_plans)
    for review in p.reviews:
        out.open(5, "Reviews")
        out.optional(6, "CPPreviewDate", review)
        out.close(5, "Reviews")
    out.close(4, "ChildProtectionPlans")


def _episode(out: _Lines, e: EpisodeRecord) -> None:
    out.open(3, "CINdetails")
    out.optional(4, "CINreferralDate", e.referral_date)
    out.optional(4, "ReferralSource", e.referral_source)
    out.optional(4, "PrimaryNeedCode", e.primary_need)
    out.optional(4, "CINclosureDate", e.closure_date)
    out.optional(4, "ReasonForClosure", e.closure_reason)
    out.optional(4, "DateOfInitialCPC", e.icpc_date)
    out.optional(4, "ReferralNFA", e.nfa)
    for a in e.assessments:
        _assessment(out, a)
    for plan in e.cin_plans:
        out.open(4, "CINPlanDates")
        out.optional(5, "CINPlanStartDate", plan.start)
        out.optional(5, "CINPlanEndDate", plan.end)
        out.close(4, "CINPlanDates")
    for s in e.s47s:
        _section47(out, s)
    for p in e.cp_plans:
        _cp_plan(out, p)
    out.close(3, "CINdetails")


def write_child(out: _Lines, child: ChildRecord, uses_sex: bool) -> None:
    out.open(2, "Child")
    _identifiers(out, child, uses_sex)
    for episode in child.episodes:
        _episode(out, episode)
    out.close(2, "Child")


def write_return(ret: Return, stream: BinaryIO, *, serial: int = 1, generated_at: datetime, release: str = "",
                 progress: Callable[[int, int], None] | None = None) -> int:
    """Write the whole return to ``stream``; returns the number of children written."""
    uses_sex = CollectionYear(ret.header.year).uses_sex
    out = _Lines()
    _header(out, ret, serial=serial, generated_at=generated_at, release=release)
    total = len(ret.children)
    for n, child in enumerate(ret.children, start=1):
        write_child(out, child, uses_sex)
        if n % FLUSH_EVERY == 0:
            stream.write(("\n".join(out.lines) + "\n").encode())
            out.lines.clear()
            if progress:
                progress(n, total)
    out.close(1, "Children")
    out.close(0, "Message")
    stream.write(("\n".join(out.lines) + "\n").encode())
    return total
