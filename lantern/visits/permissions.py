"""What each role may do in this part of Lantern, as data; merged into the one access policy
(lantern/access/permissions.py), which refuses anything not listed."""

from lantern.accounts.roles import PRACTITIONERS

PERMISSIONS: dict[str, frozenset[str]] = {
    "visit.record": PRACTITIONERS,
}
