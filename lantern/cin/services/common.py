"""Pieces the plan, review and closure services share."""

from django.core.exceptions import ValidationError

from lantern.obligations.engine import obligations_sync
from lantern.obligations.registry import all_sources

from ..models import CinPlan


def sync_plan_obligations(plan_ids: list[int]) -> None:
    """Recompute every deadline built from child in need plans (reviews here, visits in the visits
    app), without this app naming the others' sources."""
    for source in all_sources():
        if source.model is CinPlan:
            obligations_sync(source.key, plan_ids)


def required_text(data, name: str, message: str, errors: dict, prefix: str = "") -> str:
    value = str(data.get(name) or "").strip()
    if not value:
        errors[f"{prefix}{name}"] = message
    return value


def raise_if(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)
