"""The reviews a child in need plan needs (rule ``cin_review``, recurring at the local interval):
the first from the plan's start, each later one from the previous review's date. Withdrawn when
the plan ends. (Visits are the visits app's: lantern/visits/obligations.py.)"""

from collections.abc import Iterable

from lantern.obligations.registry import ObligationSpec, register_source

from .models import CinPlan

SOURCE = "cin.plan"


def recurring_specs(*, plan: CinPlan, rule_id: str, met_dates: list, late_reasons: list, link: str):
    """One spec per occasion that happened (met), then the next one due; shared with visits."""
    start = plan.start_date
    for n, (met_on, late_reason) in enumerate(zip(met_dates, late_reasons, strict=True), start=1):
        yield ObligationSpec(source_id=plan.pk, rule_id=rule_id, child_id=plan.child_id, start_date=start,
                             occurrence=n, met_on=met_on, late_reason=late_reason, link=link,
                             series_start=plan.start_date)
        start = met_on
    if plan.end_date is None or start < plan.end_date:
        yield ObligationSpec(source_id=plan.pk, rule_id=rule_id, child_id=plan.child_id, start_date=start,
                             occurrence=len(met_dates) + 1, withdrawn_on=plan.end_date, link=link,
                             series_start=plan.start_date)


def plan_obligations(plans: Iterable[CinPlan]) -> Iterable[ObligationSpec]:
    for plan in plans:
        reviews = sorted(plan.reviews.all(), key=lambda r: (r.review_date, r.pk))
        yield from recurring_specs(plan=plan, rule_id="cin_review", met_dates=[r.review_date for r in reviews],
                                   late_reasons=[r.late_reason for r in reviews],
                                   link=f"/children/{plan.child_id}/plans/{plan.pk}/")


register_source(SOURCE, model=CinPlan, build=plan_obligations, select=lambda qs: qs.prefetch_related("reviews"))
