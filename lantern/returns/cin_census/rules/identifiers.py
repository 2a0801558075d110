"""Rules about who the child is: LAchildID, UPN, dates of birth and death, episodes at all."""

import re
from datetime import timedelta

from lantern.people.validators import upn_check_letter

from ..codes import (
    UPN_UNKNOWN_NFA,
    UPN_UNKNOWN_SCHOOL_AGE,
    la_codes_for,
)
from ..years import SEX_FROM_YEAR, years_from
from .registry import rule

UPN_LAST = re.compile(r"^[0-9A-HJ-NP-RT-Z]$")
FORMER_UPN = re.compile(r"^[A-Z]\d{12}$")


@rule("8500", "LA Child ID missing")
def child_id_present(child, ctx):
    if not child.la_child_id:
        yield child


@rule("8510", "More than one child record with the same LA Child ID")
def child_id_unique(child, ctx):
    if child.la_child_id in ctx.repeated_ids:
        yield child


@rule("1570", "LA Child ID must not be longer than 20 characters", years=years_from(SEX_FROM_YEAR))
def child_id_length(child, ctx):
    if len(child.la_child_id) > 20:
        yield child


@rule("1580", "LA Child ID must not contain any non-alphanumeric characters", years=years_from(SEX_FROM_YEAR))
def child_id_characters(child, ctx):
    if child.la_child_id and not (child.la_child_id.isascii() and child.la_child_id.isalnum()):
        yield child


def _check_letter_ok(upn: str) -> bool:
    try:
        return len(upn) == 13 and upn_check_letter(upn[1:]) == upn[0]
    except ValueError:  # a character that has no value in the check sum
        return False


@rule("1510", "UPN invalid (wrong check letter at character 1)")
def upn_check_letter_ok(child, ctx):
    if child.upn and not _check_letter_ok(child.upn):
        yield child


@rule("1520", "More than one record with the same UPN")
def upn_unique(child, ctx):
    if child.upn and child.upn in ctx.repeated_upns:
        yield child


@rule("1530", "UPN invalid (characters 2-4 not a recognised LA code)")
def upn_la_code(child, ctx):
    if child.upn and child.upn[1:4] not in la_codes_for(ctx.year.year):
        yield child


@rule("1540", "UPN invalid (characters 5-12 not all numeric)")
def upn_digits(child, ctx):
    if child.upn and not (len(child.upn) == 13 and child.upn[4:12].isdigit()):
        yield child


@rule("1550", "UPN invalid (character 13 not a recognised value)")
def upn_last_character(child, ctx):
    if child.upn and not UPN_LAST.match(child.upn[-1]):
        yield child


@rule("1560Q", "Please check: Former UPN wrongly formatted")
def former_upn(child, ctx):
    if child.former_upn and not (FORMER_UPN.match(child.former_upn) and _check_letter_ok(child.former_upn)):
        yield child


@rule("8520", "Date of Birth is after data collection period (must be on or before the end of the census period)")
def born_by_reference_date(child, ctx):
    if child.birth_date and child.birth_date > ctx.ref:
        yield child


@rule("8525Q", "Either Date of Birth or Expected Date of Birth must be provided (but not both)")
def birth_or_expected(child, ctx):
    if (child.birth_date is None) == (child.expected_birth_date is None):
        yield child


@rule("8530Q", "Please check: Expected Date of Birth is outside the expected range for this census (March to "
      "December of the Census Year end)")
def expected_birth_range(child, ctx):
    expected = child.expected_birth_date
    if expected and not (ctx.ref - timedelta(days=30) <= expected <= ctx.ref.replace(month=12, day=31)):
        yield child


@rule("8535Q", "Please check: Child's date of death should not be prior to the date of birth")
def death_after_birth(child, ctx):
    if child.death_date and (child.birth_date is None or child.death_date < child.birth_date):
        yield child


@rule("8545Q", "Please check: Child's date of death should be within the census year")
def death_in_year(child, ctx):
    if child.death_date and not ctx.year.contains(child.death_date):
        yield child


@rule("8770Q", "Please check: UPN or reason UPN missing expected for a child who is more than 5 years old")
def upn_for_school_age(child, ctx):
    age = child.age_on(ctx.ref)
    if (age is not None and age >= 6 and not child.upn and child.went_further
            and child.upn_unknown not in UPN_UNKNOWN_SCHOOL_AGE | {UPN_UNKNOWN_NFA}):
        yield child


@rule("8772", "UPN unknown reason is UN7 (Referral with no further action) but at least one CIN details is a "
      "referral going on to further action")
def upn_unknown_nfa(child, ctx):
    if child.upn_unknown == UPN_UNKNOWN_NFA and any(e.nfa is not True for e in child.episodes):
        yield child


@rule("8775Q", "Please check: Child is over 25 years old")
def over_25(child, ctx):
    born = child.birth_date
    if born is None:
        return
    turned_25 = born.replace(year=born.year + 25) if (born.month, born.day) != (2, 29) else born.replace(
        year=born.year + 25, day=28)
    if turned_25 < ctx.ref and any(e.closure_date is None or e.closure_date > turned_25 for e in child.episodes):
        yield child


@rule("8590", "Child does not have a recorded CIN episode.")
def has_episode(child, ctx):
    if not child.episodes:
        yield child


@rule("8555Q", "Child cannot be referred after its recorded date of death")
def referred_before_death(child, ctx):
    for e in child.episodes:
        if child.death_date and e.referral_date and e.referral_date > child.death_date:
            yield e
