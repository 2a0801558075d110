"""How each leaf element of a census file becomes a value on a record: which record, which
attribute, and how its text is read. A value that cannot be read is a problem for the reader to
report, never a silent blank."""

import re
from collections.abc import Callable
from datetime import date
from typing import Any

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INTEGER = re.compile(r"^\d{1,4}$")
BOOLEANS = {"true": True, "1": True, "false": False, "0": False}


class BadValue(ValueError):
    pass


def read_date(text: str) -> date:
    if not _DATE.match(text):
        raise BadValue(f"must be a date written YYYY-MM-DD, not {text!r}")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise BadValue(f"is not a real date: {text!r}") from None


def read_integer(text: str) -> int:
    if not _INTEGER.match(text):
        raise BadValue(f"must be a whole number of 0 or more, not {text!r}")
    return int(text)


def read_boolean(text: str) -> bool:
    if text not in BOOLEANS:
        raise BadValue(f"must be true, false, 1 or 0 in lowercase, not {text!r}")
    return BOOLEANS[text]


def read_lenient_boolean(text: str) -> bool | None:
    """ReferralNFA: a value other than true/false/1/0 is kept as None for rule 8568 to report."""
    return BOOLEANS.get(text)


def read_text(text: str) -> str:
    return text


# (parent, leaf) -> (record kind, attribute, reader, append to a list?)
LEAVES: dict[tuple[str, str], tuple[str, str, Callable[[str], Any], bool]] = {
    ("CollectionDetails", "Year"): ("header", "year", read_integer, False),
    ("CollectionDetails", "ReferenceDate"): ("header", "reference_date", read_date, False),
    ("Source", "LEA"): ("header", "lea", read_text, False),
    ("ChildIdentifiers", "LAchildID"): ("Child", "la_child_id", read_text, False),
    ("ChildIdentifiers", "UPN"): ("Child", "upn", read_text, False),
    ("ChildIdentifiers", "FormerUPN"): ("Child", "former_upn", read_text, False),
    ("ChildIdentifiers", "UPNunknown"): ("Child", "upn_unknown", read_text, False),
    ("ChildIdentifiers", "PersonBirthDate"): ("Child", "birth_date", read_date, False),
    ("ChildIdentifiers", "ExpectedPersonBirthDate"): ("Child", "expected_birth_date", read_date, False),
    ("ChildIdentifiers", "Sex"): ("Child", "sex", read_text, False),
    ("ChildIdentifiers", "GenderCurrent"): ("Child", "gender_current", read_text, False),
    ("ChildIdentifiers", "PersonDeathDate"): ("Child", "death_date", read_date, False),
    ("ChildCharacteristics", "Ethnicity"): ("Child", "ethnicity", read_text, False),
    ("Disabilities", "Disability"): ("Child", "disabilities", read_text, True),
    ("CINdetails", "CINreferralDate"): ("CINdetails", "referral_date", read_date, False),
    ("CINdetails", "ReferralSource"): ("CINdetails", "referral_source", read_text, False),
    ("CINdetails", "PrimaryNeedCode"): ("CINdetails", "primary_need", read_text, False),
    ("CINdetails", "CINclosureDate"): ("CINdetails", "closure_date", read_date, False),
    ("CINdetails", "ReasonForClosure"): ("CINdetails", "closure_reason", read_text, False),
    ("CINdetails", "DateOfInitialCPC"): ("CINdetails", "icpc_date", read_date, False),
    ("CINdetails", "ReferralNFA"): ("CINdetails", "nfa", read_lenient_boolean, False),
    ("Assessments", "AssessmentActualStartDate"): ("Assessments", "start", read_date, False),
    ("Assessments", "AssessmentInternalReviewDate"): ("Assessments", "internal_review", read_date, False),
    ("Assessments", "AssessmentAuthorisationDate"): ("Assessments", "authorised", read_date, False),
    ("FactorsIdentifiedAtAssessment", "AssessmentFactors"): ("Assessments", "factors", read_text, True),
    ("CINPlanDates", "CINPlanStartDate"): ("CINPlanDates", "start", read_date, False),
    ("CINPlanDates", "CINPlanEndDate"): ("CINPlanDates", "end", read_date, False),
    ("Section47", "S47ActualStartDate"): ("Section47", "start", read_date, False),
    ("Section47", "InitialCPCtarget"): ("Section47", "icpc_target", read_date, False),
    ("Section47", "DateOfInitialCPC"): ("Section47", "icpc_date", read_date, False),
    ("Section47", "ICPCnotRequired"): ("Section47", "icpc_not_required", read_boolean, False),
    ("ChildProtectionPlans", "CPPstartDate"): ("ChildProtectionPlans", "start", read_date, False),
    ("ChildProtectionPlans", "CPPendDate"): ("ChildProtectionPlans", "end", read_date, False),
    ("ChildProtectionPlans", "InitialCategoryOfAbuse"): ("ChildProtectionPlans", "initial_category", read_text, False),
    ("ChildProtectionPlans", "LatestCategoryOfAbuse"): ("ChildProtectionPlans", "latest_category", read_text, False),
    ("ChildProtectionPlans", "NumberOfPreviousCPP"): ("ChildProtectionPlans", "previous_plans", read_integer, False),
    ("Reviews", "CPPreviewDate"): ("ChildProtectionPlans", "reviews", read_date, True),
}
