"""The sections of an assessment, as data (GOV.UK task list pattern): each is saved on its own
page, and the assessment can be sent for authorisation only when every section is complete.

A section is complete when its questions are answered; the rules for an answer live in the
service (services/sections.py) so the pages and the API refuse the same things."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    fields: tuple[str, ...]  # Assessment fields the section saves (family and factors also save rows)
    hint: str = ""


SECTIONS: tuple[Section, ...] = (
    Section("seen", "Seeing the child", ("child_seen_on", "seen_alone", "not_seen_alone_reason"),
            "When the child was seen, and whether they were seen alone"),
    Section("views", "The child's views, wishes and feelings", ("child_views",), "In the child's own words"),
    Section("identity", "Identity and needs", ("identity_needs",),
            "How ethnicity, culture, language, religion and disability shape the child's needs"),
    Section("family", "Parents and carers", ("parents_note",),
            "Each parent and carer, fathers and male carers included: engaged, or why not"),
    Section("history", "History", ("history_considered",), "Previous referrals, assessments and plans"),
    Section("analysis", "Risks, strengths and analysis", ("risks", "protective_factors", "analysis"),
            "What could harm the child, what protects them, and what it means"),
    Section("factors", "Assessment factors", (), "The DfE factor codes for the census"),
    Section("outcome", "Outcome", ("outcome", "outcome_reasons"), "What happens next, and why"),
)
SECTION_BY_KEY = {s.key: s for s in SECTIONS}


def section_complete(key: str, assessment, *, parents, engagements: dict, factor_codes: list[str]) -> bool:
    a = assessment
    if key == "seen":
        if a.child_seen_on is None:
            return a.child.is_unborn and bool(a.not_seen_alone_reason.strip())
        return a.seen_alone is True or (a.seen_alone is False and bool(a.not_seen_alone_reason.strip()))
    if key == "family":
        answered = all(r.relative_id in engagements for r in parents)
        return answered and (bool(parents) or bool(a.parents_note.strip()))
    if key == "factors":
        return bool(factor_codes)
    fields = SECTION_BY_KEY[key].fields
    return all(str(getattr(a, name) or "").strip() for name in fields)
