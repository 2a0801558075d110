"""Rules about child in need plans, alone and beside child protection plans."""

from .registry import rule


def _plans(child):
    for e in child.episodes:
        for p in e.cin_plans:
            yield e, p


@rule("4008", "CIN Plan shown as starting after the child's Date of Death")
def plan_before_death(child, ctx):
    for _, p in _plans(child):
        if child.death_date and p.start and p.start > child.death_date:
            yield p


@rule("4009Q", "CIN Plan cannot end after the child's Date of Death")
def plan_ends_by_death(child, ctx):
    # A plan still open after the death has no end on or before it, so it is queried too; 8920 reads
    # child protection plans the same way.
    for _, p in _plans(child):
        if child.death_date and (p.end is None or p.end > child.death_date):
            yield p


@rule("4010", "CIN Plan start date is missing or out of data collection period")
def plan_start(child, ctx):
    for _, p in _plans(child):
        if p.start is None or p.start > ctx.ref:
            yield p


@rule("4011", "CIN Plan End Date earlier than Start Date")
def plan_end_after_start(child, ctx):
    for _, p in _plans(child):
        if p.start and p.end and p.end < p.start:
            yield p


@rule("4012Q", "CIN Plan shown as starting and ending on the same day – please check")
def plan_not_one_day(child, ctx):
    for _, p in _plans(child):
        if p.start and p.end == p.start:
            yield p


@rule("4013", "CIN Plan end date must fall within the census year")
def plan_end_in_year(child, ctx):
    for _, p in _plans(child):
        if p.end and not ctx.year.contains(p.end):
            yield p


@rule("4015", "The CIN Plan start date cannot be before the referral date")
def plan_after_referral(child, ctx):
    for e, p in _plans(child):
        if p.start and e.referral_date and p.start < e.referral_date:
            yield p


@rule("4004", "This child is showing more than one open CIN Plan, i.e. with no End Date")
def one_open_plan(child, ctx):
    for e in child.episodes:
        if sum(1 for p in e.cin_plans if p.end is None) > 1:
            yield e


@rule("4014", "CIN Plan data contains overlapping dates")
def plans_do_not_overlap(child, ctx):
    for e in child.episodes:
        plans = [p for p in e.cin_plans if p.start]
        if any(a is not b and b.start <= a.start <= (b.end or ctx.ref) and a.start != b.end
               for a in plans for b in plans):
            yield e


@rule("4001", "A CIN Plan cannot run concurrently with a Child Protection Plan")
def plan_and_cp_plan_not_both_open(child, ctx):
    for e in child.episodes:
        if any(p.end is None for p in e.cin_plans) and any(p.end is None for p in e.cp_plans):
            yield e


@rule("4016", "A CIN Plan has been reported as open at the same time as a Child Protection Plan.")
def plan_not_inside_cp_plan(child, ctx):
    for e in child.episodes:
        if any(p.start and c.start and c.start <= p.start <= (c.end or ctx.ref) and p.start != c.end
               for p in e.cin_plans for c in e.cp_plans):
            yield e


@rule("4017", "A CIN Plan has been reported as open at the same time as a Child Protection Plan.")
def cp_plan_not_inside_plan(child, ctx):
    for e in child.episodes:
        if any(p.start and c.start and p.start <= c.start <= (p.end or ctx.ref) and c.start != p.end
               for p in e.cin_plans for c in e.cp_plans):
            yield e


@rule("4003", "A CPP review date is shown as being held at the same time as an open CIN Plan")
def no_review_inside_plan(child, ctx):
    for e in child.episodes:
        if any(p.start and p.end and review and p.start < review < p.end
               for p in e.cin_plans for c in e.cp_plans for review in c.reviews):
            yield e
