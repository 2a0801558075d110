"""The synthetic journeys on a small generated authority: the same invariants the services keep,
and the two profiles visibly different on the overview."""

import random
from types import SimpleNamespace

from django.db.models import Count, F
from django.utils import timezone

from lantern.accounts.models import User
from lantern.accounts.roles import Role
from lantern.assessments.codes import factor_errors
from lantern.assessments.models import Assessment
from lantern.assessments.selectors import assessment_progress
from lantern.cin.models import CinPlan
from lantern.cin.selectors import practice_overview
from lantern.obligations.models import Obligation
from lantern.referrals.activity import PLAN, episode_activities
from lantern.referrals.models import Episode
from lantern.referrals.synthetic import synthesise
from lantern.synthetic.generate import generate_authority


def _run(profile: str) -> dict:
    ctx = SimpleNamespace(rng=random.Random(5), today=timezone.localdate(), profile=profile, years=3,
                          log=lambda message: None)
    return synthesise(ctx)


def _check_invariants():
    for child_id, dates in _episodes_by_child().items():
        for (_start, end), (next_start, _) in zip(dates, dates[1:], strict=False):
            assert end is not None and end <= next_start, f"overlapping episodes for child {child_id}"
    for e in Episode.objects.filter(closure_date__isnull=False).prefetch_related(
            "assessments", "cin_plans__reviews", "visits"):
        activities = episode_activities(e)
        assert all(a.on <= e.closure_date for a in activities), f"8565 broken on episode {e.pk}"
        if e.closure_reason in ("RC8", "RC9"):
            assert not any(a.kind == PLAN for a in activities), f"2990 broken on episode {e.pk}"
    for a in Assessment.objects.filter(status="authorised").select_related("child", "episode")[:200]:
        assert assessment_progress(a).complete, f"authorised assessment {a.pk} has an unanswered section"
        assert not factor_errors(list(a.factors.values_list("code", flat=True)), a.started_on)
    late_without_reason = Obligation.objects.filter(met_on__gt=F("due_date"), late_reason="")
    assert not late_without_reason.exists(), list(late_without_reason.values("rule_id", "source_id")[:5])


def _episodes_by_child():
    found: dict = {}
    for child, start, end in Episode.objects.order_by("child", "referral_date").values_list(
            "child", "referral_date", "closure_date"):
        found.setdefault(child, []).append((start, end))
    return found


def test_journeys_keep_the_invariants_and_the_inspected_authority_looks_worse(db):
    generate_authority(children=2500, seed=11)
    analyst = User.objects.filter(role=Role.PERFORMANCE_ANALYST).first()
    figures = {}
    for profile in ("well_run", "inspected"):
        counts = _run(profile)
        assert counts["episodes"] > 50 and counts["assessments"] >= counts["episodes"] * 0.9
        assert counts["visits"] > 0 and counts["reviews"] > 0 and counts["closures"] > 0
        assert Episode.objects.count() == counts["episodes"]
        _check_invariants()
        figures[profile] = practice_overview(analyst, today=timezone.localdate())
        asked = Assessment.objects.filter(outcome="cin_plan", authorised_on__isnull=False)
        figures[profile]["without_plan"] = (asked.annotate(plans=Count("cin_plans")).filter(plans=0).count()
                                            / max(1, asked.count()))
        _clear()
    good, bad = figures["well_run"], figures["inspected"]
    assert bad["without_plan"] > 0.5 > good["without_plan"]
    assert bad["assessments_on_time"].percent < good["assessments_on_time"].percent
    assert bad["visits_on_time"].percent < good["visits_on_time"].percent
    assert bad["seen_alone"].percent < good["seen_alone"].percent
    assert bad["fathers_engaged"].percent < good["fathers_engaged"].percent
    assert bad["repeat_assessments"].part > good["repeat_assessments"].part


def _clear():
    """Remove the journeys (not the authority) so the second profile starts from the same place."""
    from lantern.assessments.models import AssessmentFactor, ParentCarerEngagement
    from lantern.cin.models import ActionProgress, Closure, PlanAction, PlanReview
    from lantern.referrals.models import Transfer
    from lantern.visits.models import Visit

    for model in (ActionProgress, PlanReview, PlanAction, Visit, Closure, CinPlan, AssessmentFactor,
                  ParentCarerEngagement, Assessment, Transfer):
        model.objects.all().delete()
    Episode.objects.update(returned_after_step_down=None)
    Episode.objects.all().delete()
    Obligation.objects.all().delete()
