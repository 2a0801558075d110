"""Code lists for assessments: kinds (the single assessment and the legacy initial and core
assessments), outcomes, and the DfE assessment factor codes (CIN census, query 8897Q)."""

from dataclasses import dataclass
from datetime import date

from django.db import models


class AssessmentKind(models.TextChoices):
    SINGLE = "single", "Child and family assessment"
    # Historic and migrated records only: referrals before 15 April 2013.
    INITIAL = "initial", "Initial assessment (before April 2013)"
    CORE = "core", "Core assessment (before April 2013)"


class AssessmentStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", "In progress"
    SUBMITTED = "submitted", "Waiting for authorisation"
    AUTHORISED = "authorised", "Authorised"


class AssessmentOutcome(models.TextChoices):
    NFA = "nfa", "No further action"
    CIN_PLAN = "cin_plan", "Child in need plan"
    STRATEGY_DISCUSSION = "strategy_discussion", "Strategy discussion (possible significant harm)"
    EARLY_HELP = "early_help", "Early help"
    LOOKED_AFTER = "looked_after", "Request for the child to become looked after"


@dataclass(frozen=True)
class Factor:
    code: str
    label: str
    retired_from: date | None = None  # assessments started on or after this date may not use it


CENSUS_2024_25 = date(2024, 4, 1)
NO_FACTORS = "21"
_WHO = (("A", "the child"), ("B", "a parent or carer"), ("C", "another person in the household"))
_FAMILIES = (("1", "Alcohol misuse"), ("2", "Drug misuse"), ("3", "Domestic abuse"), ("4", "Mental health"),
             ("5", "Learning disability"), ("6", "Physical disability or illness"))

# Meanings from the DfE CIN census guide. The private fostering sub-types, 18B/18C and 19B/19C
# (who harmed the child), and 24A should be checked against the current guide before go-live.
FACTORS: tuple[Factor, ...] = (
    *(Factor(f"{n}{x}", f"{name}: concerns about {who}") for n, name in _FAMILIES for x, who in _WHO),
    Factor("7A", "Young carer"),
    *(Factor(f"8{x}", f"Private fostering (type {x})") for x in "BCDEF"),
    Factor("9A", "Unaccompanied asylum-seeking child"),
    Factor("10A", "Going or being missing"),
    Factor("11A", "Child sexual exploitation"),
    Factor("12A", "Trafficking"),
    Factor("13A", "Gangs"),
    Factor("14A", "Socially unacceptable behaviour"),
    Factor("15A", "Self-harm"),
    Factor("16A", "Neglect"),
    Factor("17A", "Emotional abuse"),
    Factor("18A", "Physical abuse (retired from 2024-25: use 18B or 18C)", retired_from=CENSUS_2024_25),
    Factor("18B", "Physical abuse: by another child"),
    Factor("18C", "Physical abuse: by an adult"),
    Factor("19A", "Sexual abuse (retired from 2024-25: use 19B or 19C)", retired_from=CENSUS_2024_25),
    Factor("19B", "Sexual abuse: by another child"),
    Factor("19C", "Sexual abuse: by an adult"),
    Factor("20", "Other"),
    Factor(NO_FACTORS, "No factors identified"),
    Factor("22A", "Female genital mutilation"),
    Factor("23A", "Abuse linked to faith or belief"),
    Factor("24A", "Radicalisation (check the meaning in the DfE guide)"),
)
FACTOR_BY_CODE = {f.code: f for f in FACTORS}


def factor_errors(codes: list[str], started_on: date) -> list[str]:
    """Why this set of factor codes cannot be recorded (empty when it can)."""
    errors = []
    unknown = [c for c in codes if c not in FACTOR_BY_CODE]
    if unknown:
        errors.append(f"Unknown assessment factor {', '.join(unknown)}")
    if len(set(codes)) != len(codes):
        errors.append("A factor can be chosen only once (census)")
    if NO_FACTORS in codes and len(set(codes)) > 1:
        errors.append("'No factors identified' (21) cannot be chosen with other factors (census rule 8869)")
    for code in codes:
        factor = FACTOR_BY_CODE.get(code)
        if factor and factor.retired_from and started_on >= factor.retired_from:
            errors.append(f"Factor {code} is retired for assessments from {factor.retired_from:%B %Y}: "
                          f"use {code[:-1]}B or {code[:-1]}C (census queries 8945Q/8950Q)")
    return errors
