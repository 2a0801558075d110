"""This part's rows of the permission matrix (tests/test_permission_matrix.py merges them).

PAGES: url name → (path template, roles that get 200[, status for everyone else, default 403]).
ENDPOINTS: (method, path template, roles that succeed).
world(users, ids) may create records and return extra ids for the path templates."""

from lantern.accounts.roles import Role as R

ANALYST = frozenset({R.PERFORMANCE_ANALYST})

PAGES: dict = {
    "returns:annex_a": ("/returns/annex-a/", ANALYST),
    "returns:annex_a_export": ("/returns/annex-a/exports/{annex_a_export}/", ANALYST),
    "returns:annex_a_export_file": ("/returns/annex-a/exports/{annex_a_export}/file/", ANALYST),
}
ENDPOINTS: list = [
    ("get", "/api/v1/annex-a/exports", ANALYST),
    ("get", "/api/v1/annex-a/exports/{annex_a_export}", ANALYST),
    ("get", "/api/v1/annex-a/exports/{annex_a_export}/file", ANALYST),
]


def world(users, ids) -> dict:
    """A finished workbook made by the analyst, stored directly: the service's own tests cover how
    one is made."""
    from django.utils import timezone

    from lantern.returns.models import ReportFile

    report = ReportFile.objects.create(
        kind=ReportFile.Kind.ANNEX_A, parameters={"start": "2025-01-01", "end": "2025-06-30"},
        created_by=users[R.PERFORMANCE_ANALYST], finished_at=timezone.now(), filename="annex-a-matrix.xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content=b"PK matrix",
        rows=3)
    return {"annex_a_export": report.pk}
