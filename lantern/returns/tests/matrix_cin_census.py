"""This part's rows of the permission matrix (tests/test_permission_matrix.py merges them).

PAGES: url name → (path template, roles that get 200[, status for everyone else, default 403]).
ENDPOINTS: (method, path template, roles that succeed).
world(users, ids) may create records and return extra ids for the path templates."""

from lantern.accounts.roles import Role as R

ANALYST = frozenset({R.PERFORMANCE_ANALYST})
READERS = ANALYST | {R.SERVICE_MANAGER, R.QA_AUDITOR, R.INSPECTOR}
CHILD_READERS = frozenset(R) - {R.ADMINISTRATOR, R.PARTNER_PRACTITIONER}

PAGES: dict = {
    "returns:census": ("/returns/cin-census/?year=2025", READERS),
    "returns:census_export": ("/returns/cin-census/exports/{census_export}/", ANALYST),
    "returns:census_export_file": ("/returns/cin-census/exports/{census_export}/file/", ANALYST),
    "returns:census_rule_children": ("/returns/cin-census/2025/rules/8610/", READERS),
    "returns:census_import": ("/returns/cin-census/import/", ANALYST),
    "returns:census_import_detail": ("/returns/cin-census/imports/{census_import}/", ANALYST),
}
ENDPOINTS: list = [
    ("get", "/api/v1/census/exports/{census_export}", ANALYST),
    ("get", "/api/v1/census/exports/{census_export}/file", ANALYST),
    ("get", "/api/v1/census/2025/validations/latest", READERS),
    ("get", "/api/v1/children/{child}/census-issues?year=2025", CHILD_READERS),
]


def world(users, ids) -> dict:
    """A finished export and a refused import by the analyst, and a finished check of 2025 that
    found the matrix's child without a primary need. Made directly: the services' own tests cover
    how these are made."""
    from django.utils import timezone

    from lantern.people.models import Person
    from lantern.returns.models import CensusExport, CensusImport, CensusValidation

    analyst = users[R.PERFORMANCE_ANALYST]
    export = CensusExport.objects.create(year=2025, created_by=analyst, finished_at=timezone.now(), children=1,
                                         xml=b"<Message/>")
    la_child_id = Person.objects.get(pk=ids["child"]).lantern_id
    CensusValidation.objects.create(year=2025, created_by=analyst, finished_at=timezone.now(), children=1, errors=1,
                                    issues=[{"rule": "8610", "child": ids["child"], "la_child_id": la_child_id,
                                             "where": "Referral of 1 May 2024"}])
    refused = CensusImport.objects.create(filename="old-system.xml", uploaded_by=analyst,
                                          status=CensusImport.Status.REFUSED,
                                          problems=[{"message": "The file is empty", "element": "", "line": None,
                                                     "la_child_id": "", "rule": ""}])
    return {"census_export": export.pk, "census_import": refused.pk}
