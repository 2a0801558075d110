"""What each role may do in this part of Lantern, as data; merged into the one access policy
(lantern/access/permissions.py), which refuses anything not listed."""

from lantern.accounts.roles import Role as R

PERMISSIONS: dict[str, frozenset[str]] = {
    "visit.record": frozenset({R.SOCIAL_WORKER, R.SENIOR_PRACTITIONER}),
}
