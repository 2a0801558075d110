"""The timescales an assessment starts.

- A legacy core assessment: 35 working days from its start (WT 2010), met when authorised.
- An assessment concluding that the child needs a child in need plan starts the local deadline for
  the plan (rule ``cin_plan``), counted from the authorisation; met when a plan starts in the
  episode on or after that day, or straight away if a plan was already running. The plan's late
  reason travels with it. Withdrawn if the episode closes first.

(The single and initial assessments' own clocks start from the referral: lantern/referrals/obligations.py.)"""

from collections.abc import Iterable
from datetime import date

from lantern.obligations.registry import ObligationSpec, register_source
from lantern.timescales.rules import rule_for

from .codes import AssessmentKind, AssessmentOutcome
from .models import Assessment

SOURCE = "assessments.assessment"


def _plan_met(assessment: Assessment, authorised: date):
    """(met_on, late_reason) for the child in need plan this assessment, authorised on
    ``authorised``, asked for."""
    plans = list(assessment.episode.cin_plans.all())
    if any(p.start_date < authorised and (p.end_date is None or p.end_date >= authorised) for p in plans):
        return authorised, ""
    later = sorted((p for p in plans if p.start_date >= authorised), key=lambda p: (p.start_date, p.pk))
    return (later[0].start_date, later[0].late_reason) if later else (None, "")


def assessment_obligations(assessments: Iterable[Assessment]) -> Iterable[ObligationSpec]:
    core = rule_for("core_assessment")
    for a in assessments:
        link = f"/children/{a.child_id}/assessments/{a.pk}/"
        if a.kind == AssessmentKind.CORE and core.in_force_on(a.started_on):
            yield ObligationSpec(source_id=a.pk, rule_id="core_assessment", child_id=a.child_id,
                                 start_date=a.started_on, met_on=a.authorised_on, late_reason=a.late_reason,
                                 link=link, withdrawn_on=a.episode.closure_date)
        if a.authorised_on and a.outcome == AssessmentOutcome.CIN_PLAN:
            met_on, late_reason = _plan_met(a, a.authorised_on)
            yield ObligationSpec(source_id=a.pk, rule_id="cin_plan", child_id=a.child_id,
                                 start_date=a.authorised_on, met_on=met_on, late_reason=late_reason,
                                 link=link, withdrawn_on=a.episode.closure_date)


register_source(SOURCE, model=Assessment, build=assessment_obligations,
                select=lambda qs: qs.select_related("episode").prefetch_related("episode__cin_plans"))
