"""This part's rows of the permission matrix (tests/test_permission_matrix.py merges them).

PAGES: url name → (path template, roles that get 200[, status for everyone else, default 403]).
ENDPOINTS: (method, path template, roles that succeed).
world(users, ids) may create records and return extra ids for the path templates."""

from lantern.accounts.roles import Role as R

READERS = frozenset({R.TEAM_MANAGER, R.SERVICE_MANAGER, R.PERFORMANCE_ANALYST, R.QA_AUDITOR, R.INSPECTOR})

PAGES: dict = {
    "returns:performance": ("/performance/", READERS),
    "returns:performance_children": ("/performance/cin-visits/children/?part=not_met", READERS),
}
ENDPOINTS: list = [
    ("get", "/api/v1/performance", READERS),
    ("get", "/api/v1/performance/plans-by-category/children", READERS),
    ("get", "/api/v1/performance/plans-by-category/children/counts", READERS),
]


def world(users, ids) -> dict:
    """Nothing beyond the matrix's own child: the dashboard and its lists read whatever is there."""
    return {}
