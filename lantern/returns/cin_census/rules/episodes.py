"""Rules about each CIN episode's own fields (CINdetails): referral, source, need, NFA flag, closure."""

from datetime import date, timedelta

from ..codes import CLOSURE_REASONS, PRIMARY_NEEDS, REFERRAL_SOURCES
from .registry import rule

SOURCE_REQUIRED_FROM = date(2013, 4, 1)
PRE_BIRTH_DAYS = 280  # 40 weeks


@rule("8600", "Child referral date is missing or after data collection period")
def referral_date(child, ctx):
    for e in child.episodes:
        if e.referral_date is None or e.referral_date > ctx.ref:
            yield e


@rule("8606", "Child referral date is more than 40 weeks before DOB or expected DOB")
def referral_before_birth(child, ctx):
    born = child.birth_date or child.expected_birth_date
    for e in child.episodes:
        if born and e.referral_date and e.referral_date < born - timedelta(days=PRE_BIRTH_DAYS):
            yield e


@rule("8610", "Primary Need code is missing for a referral which led to further action")
def primary_need_present(child, ctx):
    for e in child.episodes:
        if e.nfa is False and not e.primary_need:
            yield e


@rule("8650", "Primary Need Code invalid (see Primary Need table in CIN census code set)")
def primary_need_valid(child, ctx):
    for e in child.episodes:
        if e.primary_need and e.primary_need not in PRIMARY_NEEDS:
            yield e


@rule("8866", "Source of Referral is missing or an invalid code")
def referral_source(child, ctx):
    for e in child.episodes:
        if e.referral_date and e.referral_date >= SOURCE_REQUIRED_FROM and e.referral_source not in REFERRAL_SOURCES:
            yield e


@rule("8568", "RNFA flag is missing or invalid")
def nfa_flag(child, ctx):
    for e in child.episodes:
        if e.nfa is None:
            yield e


@rule("8569Q", "A case with referral date before one working day prior to the collection start date must not be "
      "flagged as a no further action case")
def nfa_in_period(child, ctx):
    # The DfE's rule asks for ReferralNFA false on such an episode, so a missing flag is queried too.
    for e in child.episodes:
        if e.nfa is not False and e.referral_date and e.referral_date < ctx.nfa_referrals_from:
            yield e


@rule("8620", "CIN Closure Date present and does not fall within the Census year")
def closure_in_year(child, ctx):
    for e in child.episodes:
        if e.closure_date and not ctx.year.contains(e.closure_date):
            yield e


@rule("8630", "CIN Closure Date is before CIN Referral Date for the same CIN episode")
def closure_after_referral(child, ctx):
    for e in child.episodes:
        if e.closure_date and e.referral_date and e.closure_date < e.referral_date:
            yield e


@rule("8640", "CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set)")
def closure_reason_valid(child, ctx):
    for e in child.episodes:
        if e.closure_reason and e.closure_reason not in CLOSURE_REASONS:
            yield e


@rule("8805", "A CIN case cannot have a CIN closure date without a Reason for Closure")
def closure_has_reason(child, ctx):
    for e in child.episodes:
        if e.closure_date and not e.closure_reason:
            yield e


@rule("8810", "A CIN case cannot have a Reason for Closure without a CIN Closure Date")
def reason_has_closure(child, ctx):
    for e in child.episodes:
        if e.closure_reason and not e.closure_date:
            yield e
