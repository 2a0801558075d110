"""Reads for plans and closures, and the practice overview: how the authority is doing on the
things the inspection found wrong, counted over the children the reader may see."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.apps import apps
from django.db.models import Count, F, Q

from lantern.access.policy import visible_children
from lantern.obligations.models import Obligation
from lantern.referrals.models import Episode

from .models import CinPlan, Closure, ClosureKind

OPEN = Q(met_on__isnull=True, withdrawn_on__isnull=True)
TRACKED_RULES = ("single_assessment", "cin_plan", "cin_review", "cin_visit")


@dataclass(frozen=True)
class Share:
    part: int
    whole: int

    @property
    def percent(self) -> int | None:
        return round(100 * self.part / self.whole) if self.whole else None


def _timeliness(obligations, rule_id: str, since: date) -> Share:
    met = obligations.filter(rule_id=rule_id, met_on__gte=since).aggregate(
        total=Count("id"), on_time=Count("id", filter=Q(met_on__lte=F("due_date"))))
    return Share(met["on_time"], met["total"])


def practice_overview(user, *, today: date) -> dict:
    """About a dozen aggregate queries, whatever the size of the authority."""
    children = visible_children(user)
    since = today - timedelta(days=365)
    obligations = Obligation.objects.filter(child__in=children)
    overdue = dict(obligations.filter(OPEN, due_date__lt=today, rule_id__in=TRACKED_RULES)
                   .values_list("rule_id").annotate(n=Count("id")))
    needing_plan = obligations.filter(OPEN, rule_id="cin_plan").count()
    open_plans = CinPlan.objects.filter(child__in=children, end_date__isnull=True).count()
    episodes = Episode.objects.filter(child__in=children)
    recent = episodes.filter(referral_date__gte=since)
    repeat = recent.annotate(n=Count("assessments")).filter(n__gt=1).count()
    step_downs = Closure.objects.filter(child__in=children, kind=ClosureKind.STEP_DOWN,
                                        status=Closure.Status.APPROVED, closure_date__gte=since).count()
    # Visits are recorded in the visits app, which builds on this one; read through the app registry.
    visit_model = apps.get_model("visits", "Visit")
    visits = visit_model.objects.filter(child__in=children, visit_date__gte=since).aggregate(
        total=Count("id"), seen=Count("id", filter=Q(child_seen=True)),
        alone=Count("id", filter=Q(child_seen=True, seen_alone=True)))
    engagement = apps.get_model("assessments", "ParentCarerEngagement").objects.filter(
        assessment__child__in=children, assessment__authorised_on__gte=since, is_male_carer=True).aggregate(
        total=Count("id"), engaged=Count("id", filter=Q(engaged=True)))
    return {
        "open_episodes": episodes.filter(closure_date__isnull=True, referral_nfa=False).count(),
        "open_plans": open_plans, "needing_plan": needing_plan, "overdue": overdue,
        "assessments_on_time": _timeliness(obligations, "single_assessment", since),
        "plans_on_time": _timeliness(obligations, "cin_plan", since),
        "reviews_on_time": _timeliness(obligations, "cin_review", since),
        "visits_on_time": _timeliness(obligations, "cin_visit", since),
        "seen_alone": Share(visits["alone"], visits["seen"]),
        "fathers_engaged": Share(engagement["engaged"], engagement["total"]),
        "repeat_assessments": Share(repeat, recent.count()),
        "returns_after_step_down": Share(recent.filter(returned_after_step_down__isnull=False).count(), step_downs),
    }
