"""This part's rows of the permission matrix (tests/test_permission_matrix.py merges them).

PAGES: url name → (path template, roles that get 200[, status for everyone else, default 403]).
ENDPOINTS: (method, path template, roles that succeed).
world(users, ids) may create records and return extra ids for the path templates."""

PAGES: dict = {}
ENDPOINTS: list = []


def world(users, ids) -> dict:
    return {}
