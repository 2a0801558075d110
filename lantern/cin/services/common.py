"""Pieces the plan, review and closure services share."""

from lantern.obligations.engine import obligations_sync
from lantern.obligations.registry import all_sources

from ..models import CinPlan


def sync_plan_obligations(plan_ids: list[int]) -> None:
    """Recompute every deadline built from child in need plans (reviews here, visits in the visits
    app), without this app naming the others' sources."""
    for source in all_sources():
        if source.model is CinPlan:
            obligations_sync(source.key, plan_ids)
