"""This part's rows of the permission matrix (tests/test_permission_matrix.py merges them).

PAGES: url name → (path template, roles that get 200[, status for everyone else, default 403]).
ENDPOINTS: (method, path template, roles that succeed).
world(users, ids) may create records and return extra ids for the path templates."""

from lantern.accounts.roles import Role as R

READERS = frozenset(R) - {R.ADMINISTRATOR, R.PARTNER_PRACTITIONER}
MARKERS = frozenset({R.SOCIAL_WORKER, R.SENIOR_PRACTITIONER, R.TEAM_MANAGER, R.SERVICE_MANAGER})

PAGES: dict = {
    "chronology:chronology": ("/children/{child}/chronology/?kind=referral&kind=assessment", READERS),
    "chronology:print": ("/children/{child}/chronology/print/", READERS),
    "chronology:significance": ("/children/{child}/chronology/significance/?key=episode:{episode}", MARKERS),
}
ENDPOINTS: list = [
    ("get", "/api/v1/children/{child}/chronology?kind=referral", READERS),
]


def world(users, ids) -> dict:
    return {}
