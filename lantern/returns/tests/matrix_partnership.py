"""This part's rows of the permission matrix (tests/test_permission_matrix.py merges them).

PAGES: url name → (path template, roles that get 200[, status for everyone else, default 403]).
ENDPOINTS: (method, path template, roles that succeed).
world(users, ids) may create records and return extra ids for the path templates.

The compendium is aggregates only, for the safeguarding partnership board: managers, chairs, QA
auditors, analysts, inspectors and partner practitioners read it and download its PDFs (see
lantern/returns/partnership/permissions.py). Making a PDF (a POST) is tested in
test_partnership_pdf.py."""

from lantern.accounts.roles import Role as R

AUTHORS = frozenset({R.PERFORMANCE_ANALYST, R.SERVICE_MANAGER, R.QA_AUDITOR, R.CP_CHAIR})
BOARD = AUTHORS | {R.TEAM_MANAGER, R.INSPECTOR, R.PARTNER_PRACTITIONER}

PAGES: dict = {
    "returns:partnership": ("/partnership/", BOARD),
    "returns:partnership_pdf": ("/partnership/pdfs/{partnership_pdf}/", BOARD),
    "returns:partnership_pdf_file": ("/partnership/pdfs/{partnership_pdf}/file/", BOARD),
}
ENDPOINTS: list = [
    ("get", "/api/v1/partnership/indicators", BOARD),
    ("get", "/api/v1/partnership/indicators?start=2025-04-01&end=2026-03-31", BOARD),
    ("get", "/api/v1/partnership/compendiums", BOARD),
    ("get", "/api/v1/partnership/compendiums/{partnership_pdf}", BOARD),
    ("get", "/api/v1/partnership/compendiums/{partnership_pdf}/file", BOARD),
]


def world(users, ids) -> dict:
    """A finished compendium PDF made by the analyst (made directly: test_partnership_pdf.py covers
    how the service makes one)."""
    from django.utils import timezone

    from lantern.returns.models import ReportFile

    report = ReportFile.objects.create(
        kind=ReportFile.Kind.PARTNERSHIP, parameters={"start": "2025-04-01", "end": "2026-03-31"},
        created_by=users[R.PERFORMANCE_ANALYST], finished_at=timezone.now(), filename="partnership-compendium.pdf",
        content_type="application/pdf", content=b"%PDF-1.4 matrix")
    return {"partnership_pdf": report.pk}
