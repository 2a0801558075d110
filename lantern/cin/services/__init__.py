"""Writes for child in need plans, reviews, and closing or stepping down an episode."""

from .closures import closure_decide, closure_propose, step_down_respond
from .plans import cin_plan_end, cin_plan_start, plan_action_add
from .reviews import cin_review_record

__all__ = ["cin_plan_end", "cin_plan_start", "cin_review_record", "closure_decide", "closure_propose",
           "plan_action_add", "step_down_respond"]
