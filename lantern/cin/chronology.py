"""Plans, reviews and closure decisions in the child's chronology, and plans and reviews in the
episode's activity (for the closure checks)."""

from lantern.chronology.registry import ChronologyEvent
from lantern.referrals.activity import PLAN, Activity

from .models import CinPlan, Closure, PlanReview


def plan_link(plan) -> str:
    return f"/children/{plan.child_id}/plans/{plan.pk}/"


def plan_events(child):
    for p in CinPlan.objects.filter(child=child):
        yield ChronologyEvent(kind="cin_plan", key=f"cin-plan:{p.pk}", on=p.start_date,
                              title="Child in need plan started", detail=p.outcomes, link=plan_link(p))
        if p.end_date:
            yield ChronologyEvent(kind="cin_plan", key=f"cin-plan-end:{p.pk}", on=p.end_date,
                                  title="Child in need plan ended", detail=p.end_reason, link=plan_link(p))


def review_events(child):
    for r in PlanReview.objects.filter(child=child).select_related("plan"):
        yield ChronologyEvent(kind="cin_review", key=f"cin-review:{r.pk}", on=r.review_date,
                              title="Child in need plan reviewed", detail=r.progress_summary, link=plan_link(r.plan))


def closure_decision_events(child):
    decided = Closure.objects.filter(child=child, decided_on__isnull=False).select_related("decided_by")
    for c in decided:
        verdict = "approved" if c.status == Closure.Status.APPROVED else "declined"
        yield ChronologyEvent(kind="closure_decision", key=f"closure-decision:{c.pk}", on=c.decided_on,
                              title=f"{c.get_kind_display()} ({c.reason}) {verdict} by {c.decided_by}",
                              detail=f"Risk: {c.risk_evaluation} Manager's rationale: {c.rationale}",
                              link=f"/children/{child.pk}/closures/{c.pk}/")


def plan_activities(episode):
    for p in episode.cin_plans.all():
        yield Activity("Child in need plan started", p.start_date, PLAN)
        if p.end_date:
            yield Activity("Child in need plan ended", p.end_date, PLAN)
        for r in p.reviews.all():
            yield Activity("Child in need plan review", r.review_date)


KINDS = (("cin_plan", "Child in need plans", plan_events), ("cin_review", "Child in need plan reviews", review_events),
         ("closure_decision", "Closure and step-down decisions", closure_decision_events))
ACTIVITIES = (("cin_plans", plan_activities),)
