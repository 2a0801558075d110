"""How the two synthetic authorities differ, as data. "inspected" behaves like the authority the
2013 inspection found inadequate: late assessments, most children in need without a plan, late
and infrequent visits, children rarely seen alone, fathers left out, and a second assessment when
the work changes team. "well_run" is what good practice looks like in the same system."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Profile:
    name: str
    assessment_late: float  # share of assessments authorised after 45 working days
    on_time_wd: tuple[int, int]  # working days from referral to authorisation when on time
    late_wd: tuple[int, int]  # ... when late
    plan_share: float  # share of "child in need plan" outcomes that ever get a plan
    plan_wd: tuple[int, int]  # working days from authorisation to the plan
    review_months: tuple[float, float]  # gap between reviews
    visit_wd: tuple[int, int]  # working days between visits
    not_seen: float  # share of visits where the child was not seen
    seen_alone: float  # share of visits (child seen, aged 4+) where seen alone
    father_engaged: float
    mother_engaged: float
    repeat_assessment: float  # share of transfers to another team followed by a second assessment
    analytic: float  # share of assessments whose analysis analyses rather than describes
    child_words: float  # share of assessments and visits with the child's own words


PROFILES = {
    "well_run": Profile("well_run", assessment_late=0.08, on_time_wd=(18, 44), late_wd=(46, 60), plan_share=0.95,
                        plan_wd=(2, 10), review_months=(2.6, 3.0), visit_wd=(12, 20), not_seen=0.05, seen_alone=0.8,
                        father_engaged=0.75, mother_engaged=0.95, repeat_assessment=0.02, analytic=0.85,
                        child_words=0.9),
    "inspected": Profile("inspected", assessment_late=0.6, on_time_wd=(30, 45), late_wd=(46, 95), plan_share=0.35,
                         plan_wd=(8, 40), review_months=(3.0, 6.5), visit_wd=(16, 45), not_seen=0.2, seen_alone=0.3,
                         father_engaged=0.3, mother_engaged=0.85, repeat_assessment=0.6, analytic=0.2,
                         child_words=0.3),
}
