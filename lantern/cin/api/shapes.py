"""Turning child in need records into the API's shapes."""

from .. import schemas as s


def plan_out(plan) -> dict:
    return {**{f: getattr(plan, f) for f in s.CinPlanOut.model_fields if f != "actions"},
            "actions": list(plan.actions.all())}


def review_out(review) -> dict:
    """From a review with its progress prefetched."""
    return {**{f: getattr(review, f) for f in s.ReviewOut.model_fields if f != "progress"},
            "progress": [{"action_id": p.action_id, "status": p.status, "note": p.note}
                         for p in review.progress.all()]}
