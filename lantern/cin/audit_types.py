"""The kinds of record this part names in the audit trail (lantern/audit_log/types.py)."""

from lantern.audit_log.types import object_type

CIN_PLAN = object_type("cin_plan", "child in need plan")
CIN_PLANS = object_type("cin_plans", "child in need plans")
CIN_REVIEW = object_type("cin_review", "child in need plan review")
CIN_REVIEWS = object_type("cin_reviews", "child in need plan reviews")
CLOSURE = object_type("closure", "closure")
CLOSURES = object_type("closures", "closures")
PLAN_ACTION = object_type("plan_action", "child in need plan action")
PRACTICE_OVERVIEW = object_type("practice_overview", "children in need practice overview")
