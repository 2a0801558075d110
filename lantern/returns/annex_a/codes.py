"""Lantern's own code lists written the way the Annex A workbook spells them (the values Ofsted's
template and the regional tools built on it read): "a) Male", "b) WIRI", "e) 2A: Schools"... One
mapping per column type, so every list writes the same words."""

from lantern.assessments.codes import AssessmentOutcome
from lantern.people.codes import Ethnicity, Sex

GENDER: dict[str, str] = {Sex.MALE: "a) Male", Sex.FEMALE: "b) Female", Sex.UNKNOWN: "c) Not stated/recorded"}

# Annex A letters the ethnic groups in its own order, which is not the census's order.
_ETHNIC_ORDER = ("WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN",
                 "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH")
ETHNICITY = {code: f"{chr(ord('a') + n)}) {code}" for n, code in enumerate(_ETHNIC_ORDER)}
ETHNICITY.update({"REFU": "s) REFU", "NOBT": "s) NOBT"})
assert set(ETHNICITY) == set(Ethnicity.values), "every Lantern ethnicity needs an Annex A value"

_SOURCE_GROUPS = {"1": "Individual", "2A": "Schools", "2B": "Education services", "3": "Health services",
                  "4": "Housing", "5": "LA services", "6": "Police", "7": "Other legal agency", "8": "Other",
                  "9": "Anonymous", "10": "Unknown"}
_SOURCE_LETTERS = (("1A", "a"), ("1B", "b"), ("1C", "c"), ("1D", "d"), ("2A", "e"), ("2B", "f"), ("3A", "g"),
                   ("3B", "h"), ("3C", "i"), ("3D", "j"), ("3E", "k"), ("3F", "l"), ("4", "m"), ("5A", "n"),
                   ("5B", "o"), ("5C", "p"), ("5D", "p1"), ("6", "q"), ("7", "r"), ("8", "s"), ("9", "t"),
                   ("10", "u"))


def _source_group(code: str) -> str:
    return _SOURCE_GROUPS.get(code) or _SOURCE_GROUPS[code[0]]


SOURCE = {code: f"{letter}) {code}: {_source_group(code)}" for code, letter in _SOURCE_LETTERS}

YES, NO, UNKNOWN = "a) Yes", "b) No", "c) Unknown"

NEED = {"N0": "N0 - Not stated", "N1": "N1 - Abuse or neglect", "N2": "N2 - Child's disability",
        "N3": "N3 - Parental disability or illness", "N4": "N4 - Family in acute stress",
        "N5": "N5 - Family dysfunction", "N6": "N6 - Socially unacceptable behaviour", "N7": "N7 - Low income",
        "N8": "N8 - Absent parenting", "N9": "N9 - Cases other than children in need"}

CLOSURE = {
    "RC1": "RC1 - Adopted", "RC2": "RC2 - Died", "RC3": "RC3 - Child arrangements order",
    "RC4": "RC4 - Special guardianship order",
    "RC5": "RC5 - Transferred to services of another local authority",
    "RC6": "RC6 - Transferred to adult social care services",
    "RC7": "RC7 - Services ceased for any other reason, including child no longer in need",
    "RC8": "RC8 - Case closed after assessment, no further action",
    "RC9": "RC9 - Case closed after assessment, referred to early help",
}

CATEGORY = {"NEG": "a) Neglect", "PHY": "b) Physical abuse", "SAB": "c) Sexual abuse", "EMO": "d) Emotional abuse",
            "MUL": "e) Multiple/not recommended"}

CASE_CP_PLAN, CASE_CIN_PLAN, CASE_ASSESSMENT, CASE_CLOSED = (
    "b) Child Protection plan", "c) Child in need plan", "d) Open assessment", "e) Closed episode")

# An assessment whose outcome continues children's social care work found the child needed support.
NEEDS_SUPPORT: dict[str, str] = {AssessmentOutcome.CIN_PLAN: YES, AssessmentOutcome.STRATEGY_DISCUSSION: YES,
                                  AssessmentOutcome.LOOKED_AFTER: YES, AssessmentOutcome.NFA: NO,
                                  AssessmentOutcome.EARLY_HELP: NO}


def yes_no(value: bool | None, unknown: str = "") -> str:
    if value is None:
        return unknown
    return YES if value else NO
