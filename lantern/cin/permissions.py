"""What each role may do in this part of Lantern, as data; merged into the one access policy
(lantern/access/permissions.py), which refuses anything not listed."""

from lantern.accounts.roles import MANAGERS, PRACTITIONERS
from lantern.accounts.roles import Role as R

PERMISSIONS: dict[str, frozenset[str]] = {
    # Social workers and senior practitioners write plans, actions and reviews.
    "cin_plan.edit": PRACTITIONERS,
    # Ending a plan also happens when a child protection plan starts (child protection calls cin_plan_end).
    # The chair ends a running plan when the conference starts a child protection plan that day.
    "cin_plan.end": frozenset({R.SOCIAL_WORKER, R.SENIOR_PRACTITIONER, R.CP_CHAIR}) | MANAGERS,
    "closure.propose": frozenset({R.SOCIAL_WORKER, R.SENIOR_PRACTITIONER, R.TEAM_MANAGER}),
    "closure.decide": MANAGERS,
    "step_down.respond": frozenset({R.EARLY_HELP_PRACTITIONER}),
    "cin.overview": MANAGERS | {R.QA_AUDITOR, R.PERFORMANCE_ANALYST, R.INSPECTOR},
}
