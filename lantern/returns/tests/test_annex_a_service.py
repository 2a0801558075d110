"""Making and downloading the Annex A workbook: who may, the periods refused and why, the audit
rows, the fixed number of queries, the pages and the API."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lantern.accounts.models import ApiToken
from lantern.accounts.roles import Role
from lantern.audit_log.models import AuditEvent
from lantern.returns.annex_a import testing as t
from lantern.returns.annex_a.period import default_period, months_before
from lantern.returns.annex_a.selectors import LISTS
from lantern.returns.annex_a.services import annex_a_export_download, annex_a_export_start
from lantern.returns.models import ReportFile

from .casework import census_child, cp_plan, enquiry, episode, initial_conference, review

D = date


def _casework(team, worker, chair, serial: int):
    """A child with a record on every list: contact, early help, referral, assessment, enquiry,
    conference, plan, visit and review."""
    from lantern.assessments.models import Assessment

    child = census_child(team, worker, serial, is_restricted=serial % 2 == 0)
    made = t.contact(child, D(2025, 2, 1))
    t.early_help_decision(made, worker, D(2025, 2, 2), "Family hub")
    e = episode(child, worker, referral=D(2025, 2, 3))
    Assessment.objects.create(episode=e, child=child, started_on=D(2025, 2, 4), child_seen_on=D(2025, 2, 5),
                              created_by=worker)
    plan = cp_plan(initial_conference(enquiry(e, worker, start=D(2025, 2, 10), outcome="conference",
                                              completed=D(2025, 2, 20)), chair, day=D(2025, 3, 1)))
    t.cp_visit(plan, worker, D(2025, 3, 5))
    t.cin_visit(e, worker, D(2025, 3, 6))
    review(plan, chair, D(2025, 5, 1))
    return child


def _queries(period) -> list[int]:
    counts = []
    for annex_list in LISTS:
        with CaptureQueriesContext(connection) as ctx:
            found = annex_list.select(period)
        assert found.rows, annex_list.title
        counts.append(len(ctx.captured_queries))
    return counts


def test_each_list_reads_in_a_fixed_number_of_queries(team, social_worker, make_user):
    chair = make_user(Role.CP_CHAIR)
    _casework(team, social_worker, chair, 1)
    few = _queries(t.PERIOD)
    for serial in range(2, 8):
        _casework(team, social_worker, chair, serial)
    assert _queries(t.PERIOD) == few
    assert max(few) <= 12 and sum(few) <= 55, few


def test_the_whole_export_in_a_fixed_number_of_queries(team, social_worker, analyst, make_user,
                                                       django_assert_max_num_queries):
    chair = make_user(Role.CP_CHAIR)
    for serial in range(1, 9):
        _casework(team, social_worker, chair, serial)
    with django_assert_max_num_queries(75):
        report = annex_a_export_start(actor=analyst, start=t.PERIOD.start, end=t.PERIOD.end)
    assert ReportFile.objects.get(pk=report.pk).rows == 8 * 7


def test_export_and_download_are_audited(team, social_worker, analyst, make_user):
    chair = make_user(Role.CP_CHAIR)
    for serial in (1, 2, 3):
        _casework(team, social_worker, chair, serial)
    report = annex_a_export_start(actor=analyst, start=t.PERIOD.start, end=t.PERIOD.end)
    report = ReportFile.objects.get(pk=report.pk)
    assert report.parameters == {"start": "2025-01-01", "end": "2025-06-30"}
    assert report.rows == 21 and report.filename == f"annex-a-333-20250101-20250630-{report.pk}.xlsx"
    made = AuditEvent.objects.get(object_type="annex_a_export")
    assert (made.action, made.actor, made.object_id) == ("export", analyst, str(report.pk))
    assert made.detail == "Ofsted Annex A 01/01/2025-30/06/2025: 21 rows about 3 children (1 restricted)"
    filename, data = annex_a_export_download(actor=analyst, pk=report.pk)
    annex_a_export_download(actor=analyst, pk=report.pk)
    assert data[:2] == b"PK" and filename == report.filename
    downloads = AuditEvent.objects.filter(object_type="annex_a_download")
    assert downloads.count() == 2
    assert downloads.first().detail == "Ofsted Annex A 01/01/2025-30/06/2025 downloaded (21 rows)"


@pytest.mark.parametrize("start,end,field,message", [
    (D(2025, 6, 30), D(2025, 1, 1), "end", "The last day of the period must be the same as or after the first day"),
    (D(2023, 1, 1), D(2025, 6, 30), "start", "The period can be at most 24 months long"),
    (None, D(2025, 6, 30), "start", "Enter the first day of the period"),
])
def test_refused_periods(analyst, start, end, field, message):
    with pytest.raises(ValidationError) as refused:
        annex_a_export_start(actor=analyst, start=start, end=end)
    assert refused.value.message_dict == {field: [message]}
    assert not ReportFile.objects.exists()


def test_a_period_in_the_future_is_refused(analyst):
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        annex_a_export_start(actor=analyst, start=tomorrow - timedelta(days=30), end=tomorrow)
    assert refused.value.message_dict == {"end": ["The last day of the period must be today or in the past"]}


def test_exactly_24_months_is_allowed(analyst):
    end = D(2025, 6, 30)
    report = annex_a_export_start(actor=analyst, start=months_before(end, 24) + timedelta(days=1), end=end)
    assert ReportFile.objects.get(pk=report.pk).is_ready


def test_default_period_is_the_last_six_months():
    assert default_period(D(2025, 8, 31)).start == D(2025, 3, 1)
    assert default_period(D(2025, 6, 30)).start == D(2024, 12, 31)


@pytest.mark.parametrize("role", [r for r in Role if r != Role.PERFORMANCE_ANALYST])
def test_only_the_performance_analyst_may_make_it(make_user, role):
    with pytest.raises(PermissionDenied):
        annex_a_export_start(actor=make_user(role), start=t.PERIOD.start, end=t.PERIOD.end)
    assert not ReportFile.objects.exists()


def test_page_shows_the_form_with_the_last_six_months(client, analyst):
    client.force_login(analyst)
    response = client.get("/returns/annex-a/")
    period = default_period(timezone.localdate())
    assert response.status_code == 200
    form = response.context["form"]
    assert (form["start"].value(), form["end"].value()) == (period.start, period.end)
    assert b"Lists 8 to 11" in response.content and b"Ofsted Annex A" in response.content
    assert AuditEvent.objects.filter(object_type="annex_a", action="list").count() == 1


def test_page_refuses_a_bad_period_with_gov_uk_errors(client, analyst):
    client.force_login(analyst)
    response = client.post("/returns/annex-a/", {"start_0": "30", "start_1": "6", "start_2": "2025",
                                                 "end_0": "1", "end_1": "1", "end_2": "2025"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert "The last day of the period must be the same as or after the first day" in html
    assert 'href="#id_end_0"' in html
    response = client.post("/returns/annex-a/", {"start_0": "31", "start_1": "2", "start_2": "2025",
                                                 "end_0": "", "end_1": "", "end_2": ""})
    assert "First day of the period must be a real date" in response.content.decode()
    assert "Enter the last day of the period" in response.content.decode()
    assert not ReportFile.objects.exists()


def test_page_makes_a_workbook_and_lists_it(client, analyst, team, social_worker, make_user):
    _casework(team, social_worker, make_user(Role.CP_CHAIR), 1)
    client.force_login(analyst)
    response = client.post("/returns/annex-a/", {"start_0": "1", "start_1": "1", "start_2": "2025",
                                                 "end_0": "30", "end_1": "6", "end_2": "2025"})
    report = ReportFile.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/returns/annex-a/exports/{report.pk}/"
    detail = client.get(response["Location"]).content.decode()
    assert "Download the workbook" in detail and "lantern-bars" in detail and "List 7: Child protection" in detail
    listing = client.get("/returns/annex-a/").content.decode()
    assert f"/returns/annex-a/exports/{report.pk}/file/" in listing and str(analyst) in listing
    download = client.get(f"/returns/annex-a/exports/{report.pk}/file/")
    assert download["Content-Type"].startswith("application/vnd.openxmlformats")
    assert download.content[:2] == b"PK"


def test_a_workbook_still_being_made_shows_progress(client, analyst):
    from lantern.tasks.models import BackgroundTask

    task = BackgroundTask.objects.create(kind="annex_a_export", title="Annex A", started_by=analyst,
                                         status=BackgroundTask.Status.RUNNING, done=3, total=8,
                                         message="Reading list 4 of 7: assessments")
    report = ReportFile.objects.create(kind=ReportFile.Kind.ANNEX_A, parameters={"start": "2025-01-01",
                                                                                 "end": "2025-06-30"},
                                       created_by=analyst, task=task)
    client.force_login(analyst)
    html = client.get(f"/returns/annex-a/exports/{report.pk}/").content.decode()
    assert 'http-equiv="refresh"' in html and 'value="37"' in html and "Reading list 4 of 7" in html
    assert client.get(f"/returns/annex-a/exports/{report.pk}/file/").status_code == 404


def _auth(user) -> dict:
    key = f"annex-token-{user.pk}"
    ApiToken.objects.create(user=user, name="test", key_hash=ApiToken.hash_key(key), prefix=key[:8])
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_api_start_status_and_download(client, analyst, team, social_worker, make_user):
    _casework(team, social_worker, make_user(Role.CP_CHAIR), 1)
    headers = _auth(analyst)
    started = client.post("/api/v1/annex-a/exports", {"start": "2025-01-01", "end": "2025-06-30"},
                          content_type="application/json", **headers)
    assert started.status_code == 202, started.content
    body = started.json()
    assert body["status"] == "done" and body["rows"] == 7 and body["lists"]["List 3: Referrals"] == 1
    status = client.get(f"/api/v1/annex-a/exports/{body['id']}", **headers).json()
    assert status["download"] == f"/api/v1/annex-a/exports/{body['id']}/file"
    file = client.get(status["download"], **headers)
    assert file.status_code == 200 and file.content[:2] == b"PK"
    assert AuditEvent.objects.filter(object_type="annex_a_download", via="api").count() == 1
    assert client.get("/api/v1/annex-a/exports/999999", **headers).status_code == 404


def test_api_refuses_a_bad_period(client, analyst):
    refused = client.post("/api/v1/annex-a/exports", {"start": "2025-06-30", "end": "2025-01-01"},
                          content_type="application/json", **_auth(analyst))
    assert refused.status_code == 422
    assert refused.json()["errors"] == {"end": ["The last day of the period must be the same as or after the first "
                                                "day"]}


def test_api_defaults_to_the_last_six_months(client, analyst):
    started = client.post("/api/v1/annex-a/exports", {}, content_type="application/json", **_auth(analyst))
    period = default_period(timezone.localdate())
    assert started.status_code == 202
    assert (started.json()["start"], started.json()["end"]) == (period.start.isoformat(), period.end.isoformat())


def test_api_refuses_other_roles_to_start(client, make_user):
    refused = client.post("/api/v1/annex-a/exports", {}, content_type="application/json",
                          **_auth(make_user(Role.SERVICE_MANAGER)))
    assert refused.status_code == 403 and not ReportFile.objects.exists()


def test_navigation_offers_it_only_to_the_analyst(client, analyst, make_user):
    client.force_login(analyst)
    assert 'href="/returns/annex-a/"' in client.get("/").content.decode()
    client.force_login(make_user(Role.SERVICE_MANAGER))
    assert 'href="/returns/annex-a/"' not in client.get("/").content.decode()
