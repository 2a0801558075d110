"""Rules about the child's characteristics: sex (gender before 2024-25), ethnicity and disability."""

from ..codes import DISABILITIES, ETHNICITIES, GENDER_CURRENT, GENDER_FOR_SEX, NO_DISABILITY, SEXES
from ..years import SEX_FROM_YEAR, years_from, years_to
from .registry import rule


def gender_of(child) -> str:
    return child.gender_current or GENDER_FOR_SEX.get(child.sex, "")


@rule("4180", "Gender is missing", years=years_to(SEX_FROM_YEAR - 1))
def gender_valid(child, ctx):
    if gender_of(child) not in GENDER_CURRENT:
        yield child


@rule("4180", "Sex is missing or invalid", years=years_from(SEX_FROM_YEAR))
def sex_valid(child, ctx):
    if child.sex not in SEXES:
        yield child


@rule("8750", "Gender must equal 0 for an unborn child", years=years_to(SEX_FROM_YEAR - 1))
def unborn_gender(child, ctx):
    if child.is_unborn and gender_of(child) != "0":
        yield child


@rule("8750", "Sex must equal U for an unborn child", years=years_from(SEX_FROM_YEAR))
def unborn_sex(child, ctx):
    if child.is_unborn and child.sex != "U":
        yield child


@rule("4220", "Ethnicity is missing or invalid (see Ethnicity table)")
def ethnicity(child, ctx):
    if child.ethnicity not in ETHNICITIES:
        yield child


@rule("8540", "Child's disability is missing or invalid (see Disability table)")
def disability_present(child, ctx):
    invalid = any(code not in DISABILITIES for code in child.disabilities)
    if invalid or (not child.disabilities and child.birth_date and child.went_further):
        yield child


@rule("8790", "Disability information includes both None and other values")
def disability_none_alone(child, ctx):
    if NO_DISABILITY in child.disabilities and len(set(child.disabilities)) > 1:
        yield child


@rule("8794", "Child has two or more disabilities with the same code")
def disability_once(child, ctx):
    if len(set(child.disabilities)) < len(child.disabilities):
        yield child
