"""Rules about assessments and the factors identified at them."""

from ..codes import FACTORS, NO_DISABILITY, NO_FACTORS
from ..years import SEX_FROM_YEAR, years_from
from .registry import rule

ASSESSMENT_WORKING_DAYS = 45
DISABILITY_FACTORS = frozenset({"5A", "6A"})


def _assessments(child):
    for e in child.episodes:
        for a in e.assessments:
            yield e, a


@rule("1103", "The assessment start date cannot be before the referral date")
def assessment_after_referral(child, ctx):
    for e, a in _assessments(child):
        if a.start and e.referral_date and a.start < e.referral_date:
            yield a


@rule("8608", "Assessment Start Date cannot be later than its End Date")
def assessment_starts_before_end(child, ctx):
    for _, a in _assessments(child):
        if a.start and a.authorised and a.start > a.authorised:
            yield a


@rule("8670Q", "Please check: Assessment started more than 45 working days before the end of the census year. "
      "However, there is no Assessment end date.")
def assessment_overdue(child, ctx):
    for _, a in _assessments(child):
        if a.authorised is None and a.start and ctx.working_days_before_ref(a.start) > ASSESSMENT_WORKING_DAYS:
            yield a


@rule("8897Q", "Parental or child factors at assessment information is missing from a completed assessment")
def completed_has_factors(child, ctx):
    for _, a in _assessments(child):
        if a.authorised and a.authorised >= ctx.start and not any(code in FACTORS for code in a.factors):
            yield a


@rule("8614", "Parental or child factors at assessment should only be present for a completed assessment.")
def factors_only_when_completed(child, ctx):
    for _, a in _assessments(child):
        if a.authorised is None and a.factors:
            yield a


@rule("8696", "Assessment end date must fall within the census year")
def assessment_end_in_year(child, ctx):
    for _, a in _assessments(child):
        if a.authorised and not ctx.year.contains(a.authorised):
            yield a


@rule("8736", "For an Assessment that has not been completed, the start date must fall within the census year")
def open_assessment_started_in_year(child, ctx):
    for _, a in _assessments(child):
        if a.authorised is None and not ctx.year.contains(a.start):
            yield a


@rule("8898", "The assessment has more than one parental or child factors with the same code")
def factor_once(child, ctx):
    for _, a in _assessments(child):
        if len(set(a.factors)) < len(a.factors):
            yield a


@rule("8869", "The assessment factors code \"21\" cannot be used in conjunction with any other assessment factors.")
def no_factors_alone(child, ctx):
    for _, a in _assessments(child):
        if NO_FACTORS in a.factors and any(code != NO_FACTORS for code in a.factors):
            yield a


@rule("8617", "Code 8A has been returned. This code is not a valid code.")
def no_8a(child, ctx):
    for _, a in _assessments(child):
        if "8A" in a.factors:
            yield a


@rule("8945Q", "Please check and either amend data or provide a reason: the assessment factors code '18A' should not "
      "be used ('18B' or '18C' should be used instead)", years=years_from(SEX_FROM_YEAR))
def no_18a(child, ctx):
    for _, a in _assessments(child):
        if "18A" in a.factors:
            yield a


@rule("8950Q", "Please check and either amend data or provide a reason: the assessment factors code '19A' should not "
      "be used ('19B' or '19C' should be used instead)", years=years_from(SEX_FROM_YEAR))
def no_19a(child, ctx):
    for _, a in _assessments(child):
        if "19A" in a.factors:
            yield a


@rule("8899Q", "Please check: A child identified as having a disability does not have a disability factor recorded "
      "at the end of assessment.")
def disability_factor(child, ctx):
    if not any(code != NO_DISABILITY for code in child.disabilities):
        return
    for _, a in _assessments(child):
        if a.authorised and a.authorised >= ctx.start and not DISABILITY_FACTORS & set(a.factors):
            yield a


@rule("8896", "Within one CINDetails group there are 2 or more open Assessments groups")
def one_open_assessment(child, ctx):
    for e in child.episodes:
        if sum(1 for a in e.assessments if a.authorised is None) > 1:
            yield e


@rule("8863Q", "An Assessment is shown as starting when there is another Assessment ongoing.")
def assessments_do_not_overlap(child, ctx):
    # "On or between" the other assessment's start and its authorisation (ReferenceDate while open):
    # starting on the day the previous one was authorised is queried too.
    for e in child.episodes:
        for a in e.assessments:
            if a.start and any(b is not a and b.start and b.start <= a.start <= (b.authorised or ctx.ref)
                               for b in e.assessments):
                yield e
                break
