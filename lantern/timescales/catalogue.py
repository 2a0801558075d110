"""Every timescale Lantern tracks, as data. Source: reference doc section A and journey.md.

To add a rule, append a TimescaleRule here; rules.py validates the whole catalogue at import.
Values marked "Local policy" are defaults that an authority overrides through LocalPolicy.
"""

from __future__ import annotations

from datetime import date

from .periods import months, weeks, working_days
from .rule_types import LOCAL_POLICY_SOURCE as LOCAL
from .rule_types import Direction, Repeat, TimescaleRule

WT_2023 = "Working Together to Safeguard Children 2023"
WT_2013 = "Working Together to Safeguard Children 2013"
WT_2010 = "Working Together to Safeguard Children 2010"
CPPCR_REG_28 = "Care Planning, Placement and Case Review (England) Regulations 2010 reg 28"
CPPCR_REG_33 = "Care Planning, Placement and Case Review (England) Regulations 2010 reg 33"
PRIVATE_FOSTERING_REGS = "Children (Private Arrangements for Fostering) Regulations 2005 regs 7 and 8"

# The single assessment replaced initial + core assessments when WT 2013 took effect.
SINGLE_ASSESSMENT_FROM = date(2013, 4, 15)
LEGACY_ASSESSMENTS_UNTIL = date(2013, 4, 14)

FRONT_DOOR_AND_ASSESSMENT = (
    TimescaleRule(
        id="referral_decision", name="Decision on a referral", start_event="contact",
        met_by_event="response decided and referrer acknowledged",
        period=working_days(1), source=WT_2023,
    ),
    TimescaleRule(
        id="single_assessment", name="Child and family assessment", start_event="referral",
        met_by_event="assessment completed", period=working_days(45), source=WT_2013,
        applies_from=SINGLE_ASSESSMENT_FROM,
        notes="Counted from the referral date, not the date it was accepted. Record why if later.",
    ),
    TimescaleRule(
        id="initial_assessment", name="Initial assessment", start_event="referral",
        met_by_event="initial assessment completed", period=working_days(7),
        extension=working_days(10), source=WT_2010, applies_to=LEGACY_ASSESSMENTS_UNTIL,
        notes="Pre-2013 records only. May be extended to 10 working days.",
    ),
    TimescaleRule(
        id="core_assessment", name="Core assessment",
        start_event="start of the core assessment or section 47 enquiry",
        met_by_event="core assessment completed", period=working_days(35), source=WT_2010,
        applies_to=LEGACY_ASSESSMENTS_UNTIL, notes="Pre-2013 records only.",
    ),
    TimescaleRule(
        id="cin_plan", name="Child in need plan in place",
        start_event="assessment that concluded the child is in need",
        met_by_event="child in need plan started", period=working_days(10), source=LOCAL,
        is_local_policy=True, local_policy_key="cin_plan_after_assessment",
        notes="No national deadline; 10 working days is Lantern's default.",
    ),
)  # fmt: skip

CHILD_PROTECTION = (
    TimescaleRule(
        id="strategy_discussion_record", name="Strategy discussion record completed",
        start_event="strategy discussion", met_by_event="record completed and shared",
        period=working_days(1), source=LOCAL, is_local_policy=True,
        local_policy_key="strategy_discussion_record",
    ),
    TimescaleRule(
        id="initial_cp_conference", name="Initial child protection conference",
        start_event="strategy discussion that started the section 47 enquiry",
        met_by_event="initial child protection conference held", period=working_days(15),
        source=WT_2023,
        notes="If there were several strategy discussions, count from the one that started the s47.",
    ),
    TimescaleRule(
        id="conference_decision_recorded", name="Conference decision and outline plan recorded",
        start_event="child protection conference", met_by_event="chair's decision letter sent",
        period=working_days(1), source=LOCAL, is_local_policy=True,
        local_policy_key="conference_decision_record",
    ),
    TimescaleRule(
        id="conference_minutes_circulated", name="Conference minutes circulated",
        start_event="child protection conference", met_by_event="minutes circulated",
        period=working_days(15), source=LOCAL, is_local_policy=True,
        local_policy_key="conference_minutes",
    ),
    TimescaleRule(
        id="conference_report_to_parents", name="Conference report shared with parents",
        start_event="child protection conference", met_by_event="report shared with parents",
        period=working_days(2), direction=Direction.BEFORE, source=LOCAL, is_local_policy=True,
        local_policy_key="conference_report_to_parents",
        notes="Counted backwards: the report is due this many working days before the conference.",
    ),
    TimescaleRule(
        id="core_group", name="Core group meeting",
        start_event="initial child protection conference", met_by_event="core group held",
        period=working_days(10), source=WT_2023,
        recurrence=(Repeat(weeks(4), local_policy_key="core_group_interval"),),
        repeat_start_event="previous core group",
        notes="First within 10 working days (national); then a local interval, default 4 weeks.",
    ),
    TimescaleRule(
        id="review_cp_conference", name="Review child protection conference",
        start_event="initial child protection conference",
        met_by_event="review conference held", period=months(3), source=WT_2023,
        recurrence=(Repeat(months(6)),), repeat_start_event="previous review conference",
    ),
    TimescaleRule(
        id="pre_birth_review", name="Review conference after the birth of a child on a pre-birth plan",
        start_event="birth of the child", met_by_event="review conference held after the birth",
        period=working_days(10), source=LOCAL, is_local_policy=True, local_policy_key="pre_birth_review_after_birth",
        notes="Alongside the 3-month first review: whichever comes first. Local: 10 working days (Tees) or "
              "20 (Liverpool).",
    ),
    TimescaleRule(
        id="cp_visit", name="Child protection visit", start_event="start of the child protection plan",
        met_by_event="child seen", period=working_days(10), source=LOCAL, is_local_policy=True,
        local_policy_key="cp_visit_interval",
        recurrence=(Repeat(working_days(10), local_policy_key="cp_visit_interval"),),
        repeat_start_event="previous child protection visit",
    ),
)  # fmt: skip

CHILD_IN_NEED = (
    TimescaleRule(
        id="cin_review", name="Child in need review", start_event="start of the child in need plan",
        met_by_event="review held", period=months(3), source=LOCAL, is_local_policy=True,
        local_policy_key="cin_review_interval",
        recurrence=(Repeat(months(3), local_policy_key="cin_review_interval"),),
        repeat_start_event="previous child in need review",
    ),
    TimescaleRule(
        id="cin_visit", name="Child in need visit", start_event="start of the child in need plan",
        met_by_event="child seen", period=working_days(20), source=LOCAL, is_local_policy=True,
        local_policy_key="cin_visit_interval",
        recurrence=(Repeat(working_days(20), local_policy_key="cin_visit_interval"),),
        repeat_start_event="previous child in need visit",
    ),
)  # fmt: skip

# "In the first year" is judged from the date of the previous visit: pass series_start.
STATUTORY_VISITS_AND_REVIEWS = (
    TimescaleRule(
        id="private_fostering_visit", name="Private fostering visit",
        start_event="notification of the private fostering arrangement",
        met_by_event="child visited and seen alone", period=working_days(7),
        source=PRIVATE_FOSTERING_REGS,
        recurrence=(Repeat(weeks(6)), Repeat(weeks(12), once_series_older_than=months(12))),
        repeat_start_event="previous private fostering visit",
    ),
    TimescaleRule(
        id="looked_after_review", name="Looked-after child review",
        start_event="child becoming looked after", met_by_event="review held",
        period=working_days(20), source=CPPCR_REG_33,
        recurrence=(Repeat(months(3)), Repeat(months(6), from_occurrence=3)),
        repeat_start_event="previous looked-after review",
    ),
    TimescaleRule(
        id="looked_after_visit", name="Looked-after child visit",
        start_event="start of the placement", met_by_event="child seen in private",
        period=weeks(1), source=CPPCR_REG_28,
        recurrence=(Repeat(weeks(6)), Repeat(months(3), once_series_older_than=months(12))),
        repeat_start_event="previous visit",
        notes="Placement intended to last until the child is 18 (reg 28(2)(b)(i)).",
    ),
    TimescaleRule(
        id="looked_after_visit_other_placement", name="Looked-after child visit",
        start_event="start of the placement", met_by_event="child seen in private",
        period=weeks(1), source=CPPCR_REG_28,
        recurrence=(Repeat(weeks(6)),), repeat_start_event="previous visit",
        notes="Any other placement: every 6 weeks throughout (reg 28(2)(b)(ii)).",
    ),
)  # fmt: skip

ALL_RULES: tuple[TimescaleRule, ...] = (
    FRONT_DOOR_AND_ASSESSMENT + CHILD_PROTECTION + CHILD_IN_NEED + STATUTORY_VISITS_AND_REVIEWS
)
