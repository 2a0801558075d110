"""Rules about Section 47 enquiries, initial conferences and child protection plans."""

from ..codes import CATEGORIES
from .registry import rule

ICPC_WORKING_DAYS = 15


def _s47s(child):
    for e in child.episodes:
        for s in e.s47s:
            yield e, s


def _cp_plans(child):
    for e in child.episodes:
        for p in e.cp_plans:
            yield e, p


@rule("2889", "The S47 start date cannot be before the referral date.")
def s47_after_referral(child, ctx):
    for e, s in _s47s(child):
        if s.start and e.referral_date and s.start < e.referral_date:
            yield s


@rule("8615", "Section 47 Enquiry Start Date must be present and cannot be later than the date of the initial Child "
      "Protection Conference")
def s47_before_icpc(child, ctx):
    for _, s in _s47s(child):
        if s.icpc_date and (s.start is None or s.start > s.icpc_date):
            yield s


@rule("8740", "For a Section 47 Enquiry that has not held the Initial Child Protection Conference by the end of the "
      "census year, the start date must fall within the census year")
def open_s47_started_in_year(child, ctx):
    for _, s in _s47s(child):
        if s.icpc_date is None and s.icpc_not_required is False and not ctx.year.contains(s.start):
            yield s


@rule("8675Q", "Please check: S47 Enquiry started more than 15 working days before the end of the census year. "
      "However, there is no date of Initial Child Protection Conference.")
def icpc_overdue(child, ctx):
    for _, s in _s47s(child):
        if s.is_open and s.icpc_not_required is False and s.start and (
                ctx.working_days_before_ref(s.start) > ICPC_WORKING_DAYS):
            yield s


@rule("8870Q", "Please check: The Target Date for Initial Child Protection Conference should not be a weekend")
def icpc_target_weekday(child, ctx):
    for _, s in _s47s(child):
        if s.icpc_target and s.icpc_target.weekday() >= 5:
            yield s


@rule("8875", "The Date of Initial Child Protection Conference cannot be a weekend")
def icpc_weekday(child, ctx):
    for _, s in _s47s(child):
        if s.icpc_date and s.icpc_date.weekday() >= 5:
            yield s
    for e in child.episodes:
        if e.icpc_date and e.icpc_date.weekday() >= 5:
            yield e


@rule("8715", "Date of Initial Child Protection Conference must fall within the census year")
def icpc_in_year(child, ctx):
    for _, s in _s47s(child):
        if s.icpc_date and not ctx.year.contains(s.icpc_date):
            yield s


@rule("8839", "Within one CINDetails group there are 2 or more open S47 Assessments")
def one_open_s47(child, ctx):
    for e in child.episodes:
        if sum(1 for s in e.s47s if s.is_open) > 1:
            yield e


@rule("8890", "A Section 47 enquiry is shown as starting when there is another Section 47 Enquiry ongoing")
def s47s_do_not_overlap(child, ctx):
    for e in child.episodes:
        for a in e.s47s:
            if a.start and any(b is not a and b.start and b.start <= a.start and (
                    (b.icpc_date and a.start < b.icpc_date) or (b.icpc_date is None and b.icpc_not_required is False))
                    for b in e.s47s):
                yield e
                break


@rule("8905", "Initial Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)")
def initial_category(child, ctx):
    for _, p in _cp_plans(child):
        if p.initial_category not in CATEGORIES:
            yield p


@rule("8910", "Latest Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)")
def latest_category(child, ctx):
    for _, p in _cp_plans(child):
        if p.latest_category not in CATEGORIES:
            yield p


@rule("8720", "Child Protection Plan Start Date missing or out of data collection period")
def cp_plan_start(child, ctx):
    for _, p in _cp_plans(child):
        if p.start is None or p.start > ctx.ref:
            yield p


@rule("8730", "Total Number of previous Child Protection Plans missing")
def previous_plans_recorded(child, ctx):
    for _, p in _cp_plans(child):
        if p.previous_plans is None or p.previous_plans < 0:
            yield p


@rule("8915", "Child Protection Plan shown as starting after the child's Date of Death")
def cp_plan_before_death(child, ctx):
    for _, p in _cp_plans(child):
        if child.death_date and p.start and p.start > child.death_date:
            yield p


@rule("8920", "Child Protection Plan cannot end after the child's Date of Death")
def cp_plan_ends_by_death(child, ctx):
    for _, p in _cp_plans(child):
        if child.death_date and (p.end is None or p.end > child.death_date):
            yield p


@rule("8925", "Child Protection Plan End Date earlier than Start Date")
def cp_plan_end_after_start(child, ctx):
    for _, p in _cp_plans(child):
        if p.start and p.end and p.end < p.start:
            yield p


@rule("8930", "Child Protection Plan End Date must fall within the census year")
def cp_plan_end_in_year(child, ctx):
    for _, p in _cp_plans(child):
        if p.end and not ctx.year.contains(p.end):
            yield p


@rule("8840", "Child Protection Plan cannot start and end on the same day")
def cp_plan_not_one_day(child, ctx):
    for _, p in _cp_plans(child):
        if p.start and p.end == p.start:
            yield p


@rule("8841", "The review date cannot be on the same day or before the Child protection Plan start date.")
def reviews_after_start(child, ctx):
    for _, p in _cp_plans(child):
        if p.start and any(review and review <= p.start for review in p.reviews):
            yield p


@rule("8842Q", "Please check: Review Record has a missing date")
def reviews_have_dates(child, ctx):
    # A Reviews group read with no CPPreviewDate is held as None among the plan's review dates.
    for _, p in _cp_plans(child):
        if any(review is None for review in p.reviews):
            yield p


@rule("1105", "The child protection plan start date cannot be before the referral date")
def cp_plan_after_referral(child, ctx):
    for e, p in _cp_plans(child):
        if p.start and e.referral_date and p.start < e.referral_date:
            yield p


@rule("2885", "Child protection plan shown as starting a different day to the initial child protection conference")
def cp_plan_starts_at_icpc(child, ctx):
    for e, p in _cp_plans(child):
        if ctx.year.contains(p.start) and p.start != e.icpc_date and not any(s.icpc_date == p.start for s in e.s47s):
            yield p


@rule("2883", "There are more child protection plans starting than initial conferences taking place")
def no_more_plans_than_conferences(child, ctx):
    # Counted per child: a return whose every child passes also passes the DfE's count over the
    # whole return, and the child to correct is named.
    plans = sum(1 for _, p in _cp_plans(child) if ctx.year.contains(p.start))
    conferences = sum(1 for e in child.episodes if ctx.year.contains(e.icpc_date))
    conferences += sum(1 for _, s in _s47s(child) if ctx.year.contains(s.icpc_date))
    if plans > conferences:
        yield child


@rule("8935", "This child is showing more than one open Child Protection plan, i.e. with no End Date")
def one_open_cp_plan(child, ctx):
    for e in child.episodes:
        if sum(1 for p in e.cp_plans if p.end is None) > 1:
            yield e


@rule("8940", "Child Protection Plan data contains overlapping dates")
def cp_plans_do_not_overlap(child, ctx):
    for e in child.episodes:
        plans = [p for p in e.cp_plans if p.start]
        if any(a is not b and b.start <= a.start <= (b.end or ctx.ref) for a in plans for b in plans):
            yield e
