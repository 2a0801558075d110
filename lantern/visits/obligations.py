"""Child in need visits (rule ``cin_visit``, recurring at the local interval): the first from the
plan's start, each later one from the previous visit at which the child was seen. A visit where
the child was not seen does not count. Withdrawn when the plan ends."""

from collections.abc import Iterable

from lantern.cin.models import CinPlan
from lantern.cin.obligations import recurring_specs
from lantern.obligations.registry import ObligationSpec, register_source

from .models import VisitKind

SOURCE = "visits.cin_plan"


def plan_visits(plan: CinPlan, visits) -> list:
    """The visits that count for this plan: child in need visits, child seen, while it ran."""
    return sorted((v for v in visits if v.kind == VisitKind.CIN and v.child_seen and v.visit_date >= plan.start_date
                   and (plan.end_date is None or v.visit_date <= plan.end_date)), key=lambda v: (v.visit_date, v.pk))


def visit_obligations(plans: Iterable[CinPlan]) -> Iterable[ObligationSpec]:
    for plan in plans:
        seen = plan_visits(plan, plan.episode.visits.all())
        yield from recurring_specs(plan=plan, rule_id="cin_visit", met_dates=[v.visit_date for v in seen],
                                   late_reasons=[v.late_reason for v in seen],
                                   link=f"/children/{plan.child_id}/plans/{plan.pk}/")


register_source(SOURCE, model=CinPlan, build=visit_obligations,
                select=lambda qs: qs.select_related("episode").prefetch_related("episode__visits"))
