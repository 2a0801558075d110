"""The CIN census page, its exports and checks, the import page, and the child's census panel."""

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lantern.accounts.roles import Role
from lantern.audit_log.models import AuditEvent
from lantern.returns.cin_census.services import census_issues_for_child
from lantern.returns.cin_census.years import CollectionYear, current_collection_year
from lantern.returns.models import CensusExport, CensusImport, CensusValidation
from lantern.testing.factories import ServiceFactory, TeamFactory

from . import casework as cw

URL = "/returns/cin-census/"


def test_an_export_is_made_in_the_background_audited_and_only_its_maker_downloads_it(
        client, analyst, make_user, team, social_worker, chair):
    cw.protected_child(team, social_worker, chair)
    client.force_login(analyst)
    response = client.post(URL, {"year": 2025, "action": "export"})
    export = CensusExport.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/returns/cin-census/exports/{export.pk}/"
    assert export.is_ready and export.children == 1 and export.errors == 0 and b"<LAchildID>" in bytes(export.xml)
    page = client.get(response["Location"])
    assert b"Download the XML file" in page.content
    download = client.get(f"/returns/cin-census/exports/{export.pk}/file/")
    assert download["Content-Type"] == "application/xml" and download.content == bytes(export.xml)
    assert "attachment" in download["Content-Disposition"]
    trail = AuditEvent.objects.filter(action="export", actor=analyst)
    assert sorted(trail.values_list("object_type", flat=True)) == ["cin_census_download", "cin_census_export"]
    assert "1 children (0 restricted)" in trail.get(object_type="cin_census_export").detail
    client.force_login(make_user(Role.PERFORMANCE_ANALYST))
    assert client.get(f"/returns/cin-census/exports/{export.pk}/file/").status_code == 404


def test_only_the_analyst_starts_an_export_or_a_check(client, make_user):
    client.force_login(make_user(Role.SERVICE_MANAGER))
    for action in ("export", "validate"):
        assert client.post(URL, {"year": 2025, "action": action}).status_code == 403
    assert not CensusExport.objects.exists() and not CensusValidation.objects.exists()


def test_the_whole_authority_check_groups_findings_by_rule_and_lists_the_children(
        client, analyst, make_user, team, social_worker, chair):
    cw.protected_child(team, social_worker, chair, serial=1)
    child = cw.census_child(team, social_worker, serial=2)
    cw.episode(child, social_worker, primary_need="")  # no primary need: rule 8610
    client.force_login(analyst)
    response = client.post(URL, {"year": 2025, "action": "validate"})
    assert response.status_code == 302
    validation = CensusValidation.objects.get()
    assert validation.children == 2 and validation.errors == 1
    page = client.get(f"{URL}?year=2025")
    assert b"1 error</strong>" in page.content and b"/returns/cin-census/2025/rules/8610/" in page.content
    drill = client.get("/returns/cin-census/2025/rules/8610/")
    assert f"/children/{child.pk}/".encode() in drill.content and child.lantern_id.encode() in drill.content
    assert AuditEvent.objects.filter(object_type="cin_census_validation", actor=analyst).count() == 1
    # A service manager elsewhere sees the count, not the child.
    elsewhere = make_user(Role.SERVICE_MANAGER, team=TeamFactory(service=ServiceFactory(name="Elsewhere")))
    client.force_login(elsewhere)
    drill = client.get("/returns/cin-census/2025/rules/8610/")
    assert child.lantern_id.encode() not in drill.content and b"cannot see" in drill.content


def test_the_child_summary_says_which_rule_the_record_will_fail(client, team, social_worker):
    child = cw.census_child(team, social_worker)
    today = date.today()
    cw.episode(child, social_worker, referral=CollectionYear(current_collection_year(today).year).start,
               primary_need="")
    client.force_login(social_worker)
    page = client.get(f"/children/{child.pk}/").content.decode()
    assert "This record will fail census rule 8610: Primary Need code is missing" in page


def test_one_childs_findings_take_a_fixed_number_of_queries(team, social_worker, chair):
    year = CollectionYear(2025)
    small = cw.protected_child(team, social_worker, chair, serial=1)
    census_issues_for_child(small, year)
    with CaptureQueriesContext(connection) as one:
        assert census_issues_for_child(small, year) == []
    big = cw.protected_child(team, social_worker, chair, serial=2)
    for _ in range(3):
        e = cw.episode(big, social_worker, referral=date(2024, 4, 2), closure_date=date(2024, 4, 30),
                       closure_reason="RC8")
        cw.assessment(e, social_worker, start=date(2024, 4, 3), authorised=date(2024, 4, 29))
    with CaptureQueriesContext(connection) as more:
        census_issues_for_child(big, year)
    assert len(more.captured_queries) == len(one.captured_queries)


def test_a_child_outside_the_year_costs_one_query(team, social_worker, django_assert_num_queries):
    child = cw.census_child(team, social_worker)
    with django_assert_num_queries(1):
        assert census_issues_for_child(child, CollectionYear(2025)) == []


def test_the_import_page_checks_the_file_and_reports_its_problems(client, analyst):
    client.force_login(analyst)
    page = client.get("/returns/cin-census/import/")
    assert page.status_code == 200 and b'type="file"' in page.content
    missing = client.post("/returns/cin-census/import/", {})
    assert b"Select a CIN census XML file" in missing.content and b"govuk-error-summary" in missing.content
    bad = SimpleUploadedFile("old.xml", b"<Message><Header></Message>", content_type="application/xml")
    response = client.post("/returns/cin-census/import/", {"file": bad})
    record = CensusImport.objects.get()
    assert response["Location"] == f"/returns/cin-census/imports/{record.pk}/"
    report = client.get(response["Location"]).content.decode()
    assert "Nothing was imported" in report and "not well-formed" in report


def test_the_census_page_shows_each_role_what_it_may_do(client, analyst, make_user):
    client.force_login(analyst)
    page = client.get(URL).content.decode()
    assert "Export the" in page and "Check every rule" in page and "Import a CIN census XML file" in page
    client.force_login(make_user(Role.INSPECTOR))
    page = client.get(URL).content.decode()
    assert "Export the" not in page and "Check every rule" not in page and "Findings" in page
