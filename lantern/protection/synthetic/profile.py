"""How the two synthetic authorities differ in child protection, as data. "inspected" is what the
2013 inspection found: strategy discussions without partners, late conferences with the police
absent and reports not shared, visits every 4 to 6 weeks, plans ended early. "well_run" is good
practice in the same system. National proportions (EES 2025) are the same for both."""

from dataclasses import dataclass

# England, year to March 2025, scaled per child: 230,590 enquiries, 72,100 conferences and 49,420
# children on plans for ~12.0 million children; for 85,000 children about 1,600 enquiries a year,
# 500 conferences and 350 children on plans at any time.
ENQUIRIES_PER_CHILD_YEAR = 1_600 / 85_000
ON_PLANS_PER_CHILD = 350 / 85_000
CONFERENCE_SHARE = 1 / 3  # of enquiries
PLAN_SHARE = 0.85  # of initial conferences
STRATEGY_TO_ENQUIRY = 0.9
CATEGORIES = (("NEG", 0.5), ("EMO", 0.36), ("PHY", 0.07), ("SAB", 0.04), ("MUL", 0.03))
# The review at which a plan ends: the first (within 3 months), or a later six-monthly one.
ENDS_AT_REVIEW = ((1, 0.16), (2, 0.46), (3, 0.24), (4, 0.1), (5, 0.04))


@dataclass(frozen=True)
class Profile:
    name: str
    record_on_time: float  # strategy discussion record completed within the local deadline
    present: dict  # agency kind -> chance it took part in a strategy discussion
    icpc_on_time: float
    icpc_late_wd: tuple[int, int]  # working days past the 15 when it is late
    report_on_time: float  # social work report shared with the parents in time
    agency_report: float  # each invited agency's report submitted beforehand
    attends: dict  # agency kind -> chance it attended a conference
    decision_on_time: float
    minutes_on_time: float
    core_group_weeks: tuple[int, int]
    first_core_group_on_time: float
    visit_wd: tuple[int, int]
    seen_alone: float
    bedroom_seen: float
    review_on_time: float
    early_end_extra: float  # added to the 16% of plans that end at the first review


PROFILES = {
    "well_run": Profile("well_run", record_on_time=0.95,
                        present={"police": 0.95, "health": 0.9, "education": 0.8, "referrer": 0.9},
                        icpc_on_time=0.9, icpc_late_wd=(1, 6), report_on_time=0.92, agency_report=0.9,
                        attends={"police": 0.85, "health": 0.9, "education": 0.85, "other": 0.6},
                        decision_on_time=0.95, minutes_on_time=0.9, core_group_weeks=(3, 4),
                        first_core_group_on_time=0.92, visit_wd=(5, 10), seen_alone=0.8, bedroom_seen=0.85,
                        review_on_time=0.95, early_end_extra=0.0),
    "inspected": Profile("inspected", record_on_time=0.4,
                         present={"police": 0.45, "health": 0.35, "education": 0.5, "referrer": 0.4},
                         icpc_on_time=0.45, icpc_late_wd=(2, 20), report_on_time=0.3, agency_report=0.45,
                         attends={"police": 0.3, "health": 0.5, "education": 0.6, "other": 0.3},
                         decision_on_time=0.5, minutes_on_time=0.3, core_group_weeks=(5, 9),
                         first_core_group_on_time=0.4, visit_wd=(20, 30), seen_alone=0.35, bedroom_seen=0.4,
                         review_on_time=0.6, early_end_extra=0.08),
}
