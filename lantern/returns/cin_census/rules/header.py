"""Rules about the return as a whole: its header, and queries about the shape of the data."""

from ..codes import NO_DISABILITY
from ..years import SEX_FROM_YEAR
from .registry import rule


@rule("100", "Reference Date is incorrect", scope="return")
def reference_date(census, ctx):
    if census.header.reference_date != ctx.ref:
        yield census.header


def _unknown_sex(child, uses_sex: bool) -> bool:
    if uses_sex:
        return child.sex in ("", "U")
    return (child.gender_current or {"M": "1", "F": "2"}.get(child.sex, "0")) in ("", "0")


@rule("2886Q", "Please check: Percentage of children with no sex (gender before 2024-25) recorded is more than 2% "
      "(excluding unborns)", scope="return")
def sex_mostly_recorded(census, ctx):
    born = [c for c in census.children if not c.is_unborn]
    unknown = sum(1 for c in born if _unknown_sex(c, ctx.year.year >= SEX_FROM_YEAR))
    if born and unknown * 50 > len(born):
        yield census.header


@rule("2887Q", "Please check: Less than 8 disability codes have been used in your return", scope="return")
def disability_codes_used(census, ctx):
    used = {code for c in census.children for code in c.disabilities if code != NO_DISABILITY}
    if census.children and len(used) < 8:
        yield census.header


@rule("2888Q", "Please check: Only one disability code is recorded per child and multiple disabilities should be "
      "recorded where possible.", scope="return")
def several_disabilities_somewhere(census, ctx):
    with_disability = [c for c in census.children if any(code != NO_DISABILITY for code in c.disabilities)]
    if with_disability and not any(len([d for d in c.disabilities if d != NO_DISABILITY]) > 1 for c in with_disability):
        yield census.header
