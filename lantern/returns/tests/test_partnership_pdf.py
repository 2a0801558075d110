"""The compendium PDF: made in the background as a ReportFile, a real A4 PDF with every indicator's
title, audited when made and at each download, and the same over the API."""

import base64
import re
import zlib
from datetime import date

import pytest

from lantern.accounts.roles import Role
from lantern.audit_log.models import AuditEvent
from lantern.returns.models import ReportFile
from lantern.returns.partnership.period import Period
from lantern.returns.partnership.services import compendium_pdf_start
from lantern.returns.partnership.testing import ConferenceFactory, StrategyDiscussionFactory

pytestmark = pytest.mark.django_db
PERIOD = Period(date(2025, 4, 1), date(2026, 3, 31))
TITLES = ("Safeguarding partnership data compendium", "Strategy discussions: which agencies took part",
          "Police attendance at initial child protection conferences", "Core groups: attendance by agency",
          "Domestic abuse notifications: from notification to help", "What the records do not show")


def pdf_text(data: bytes) -> str:
    """The text drawn on the pages: every content stream, decoded (reportlab writes ASCII85 over Flate)."""
    chunks = []
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", data, re.S):
        stream = stream.strip()
        if stream.endswith(b"~>"):
            stream = base64.a85decode(stream, adobe=True)
        try:
            chunks.append(zlib.decompress(stream))
        except zlib.error:
            chunks.append(stream)
    return b"\n".join(chunks).decode("latin-1")


def test_the_pdf_is_made_kept_and_audited(analyst):
    StrategyDiscussionFactory(held_on=date(2025, 6, 2), agencies=["csc", "police", "health"])
    ConferenceFactory(conference_date=date(2025, 6, 20), invited=[("csc", True, None), ("police", True, None)])

    report = compendium_pdf_start(actor=analyst, period=PERIOD)

    report.refresh_from_db()
    assert report.kind == ReportFile.Kind.PARTNERSHIP and report.is_ready
    assert report.parameters == {"start": "2025-04-01", "end": "2026-03-31"}
    assert report.task.status == "done" and report.task.percent == 100
    assert report.content_type == "application/pdf" and report.filename.endswith(f"-{report.pk}.pdf")
    data = bytes(report.content)
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    for title in TITLES:
        assert title in text
    assert "1 April 2025 to 31 March 2026" in text and "Page 1 of" in text
    assert "Brindleford Metropolitan Borough Council" in text
    event = AuditEvent.objects.get(object_type="partnership_compendium_pdf")
    assert (event.action, event.object_id, event.actor, event.child_id) == ("export", str(report.pk), analyst, None)


def test_everyone_on_the_board_downloads_and_each_download_is_audited(client, analyst, make_user):
    report = compendium_pdf_start(actor=analyst, period=PERIOD)
    partner = make_user(Role.PARTNER_PRACTITIONER)
    client.force_login(partner)
    page = client.get("/partnership/")
    assert f"/partnership/pdfs/{report.pk}/file/" in page.content.decode()
    assert "1 April 2025 to 31 March 2026" in page.content.decode()
    detail = client.get(f"/partnership/pdfs/{report.pk}/")
    assert detail.status_code == 200 and "Download the PDF" in detail.content.decode()
    response = client.get(f"/partnership/pdfs/{report.pk}/file/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and report.filename in response["Content-Disposition"]
    downloads = AuditEvent.objects.filter(object_type="partnership_compendium_download")
    assert [(e.actor, e.object_id) for e in downloads] == [(partner, str(report.pk))]


def test_a_pdf_still_being_made_shows_its_progress(client, analyst):
    task_report = ReportFile.objects.create(kind=ReportFile.Kind.PARTNERSHIP, created_by=analyst,
                                            parameters={"start": "2025-04-01", "end": "2026-03-31"})
    client.force_login(analyst)
    html = client.get(f"/partnership/pdfs/{task_report.pk}/").content.decode()
    assert '<meta http-equiv="refresh" content="2">' in html and "Download the PDF" not in html
    assert client.get(f"/partnership/pdfs/{task_report.pk}/file/").status_code == 404
    assert not AuditEvent.objects.filter(object_type="partnership_compendium_download").exists()


def test_the_page_starts_a_pdf_and_goes_to_its_progress(client, analyst):
    client.force_login(analyst)
    response = client.post("/partnership/", {"start": "2025-04-01", "end": "2026-03-31"})
    report = ReportFile.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/partnership/pdfs/{report.pk}/"


def test_a_tampered_period_makes_no_pdf(client, analyst):
    client.force_login(analyst)
    response = client.post("/partnership/", {"start": "2026-03-31", "end": "2025-04-01"}, follow=True)
    assert "The PDF was not made" in response.content.decode()
    assert not ReportFile.objects.exists()


def test_roles_outside_the_board_cannot_make_or_read_pdfs(client, analyst, make_user):
    report = compendium_pdf_start(actor=analyst, period=PERIOD)
    worker = make_user(Role.SOCIAL_WORKER)
    client.force_login(worker)
    assert client.get(f"/partnership/pdfs/{report.pk}/file/").status_code == 403
    assert client.post("/partnership/", {"start": "2025-04-01", "end": "2026-03-31"}).status_code == 403
    assert ReportFile.objects.count() == 1
    assert not AuditEvent.objects.filter(object_type="partnership_compendium_download").exists()


def _bearer(user) -> dict:
    from lantern.accounts.models import ApiToken

    key = f"partnership-token-{user.pk}"
    ApiToken.objects.create(user=user, name="tests", key_hash=ApiToken.hash_key(key), prefix=key[:8])
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_the_api_gives_the_indicators_and_the_pdf(client, analyst):
    StrategyDiscussionFactory(held_on=date(2025, 6, 2), agencies=["csc", "police"])
    StrategyDiscussionFactory(held_on=date(2025, 6, 3), agencies=["csc", "police", "health"])
    headers = _bearer(analyst)
    body = client.get("/api/v1/partnership/indicators?start=2025-04-01&end=2026-03-31", **headers).json()
    assert body["period"]["label"] == "1 April 2025 to 31 March 2026"
    strategy = body["strategy"]
    assert strategy["held"] == 2
    assert strategy["without_police_or_health"] == {"n": 1, "of": 2, "percent": 50}
    assert {a["kind"]: a["share"]["percent"] for a in strategy["by_agency"]}["police"] == 100
    assert strategy["months"][2]["month"]["label"] == "Jun 2025" and strategy["months"][2]["held"] == 2
    assert AuditEvent.objects.filter(object_type="partnership_compendium", detail__startswith="api").count() == 1

    started = client.post("/api/v1/partnership/compendiums", {"start": "2025-04-01", "end": "2026-03-31"},
                          content_type="application/json", **headers)
    assert started.status_code == 202 and started.json()["status"] == "done"
    pk = started.json()["id"]
    status = client.get(f"/api/v1/partnership/compendiums/{pk}", **headers).json()
    assert status["download"] == f"/api/v1/partnership/compendiums/{pk}/file"
    assert [r["id"] for r in client.get("/api/v1/partnership/compendiums", **headers).json()["items"]] == [pk]
    file = client.get(status["download"], **headers)
    assert file.status_code == 200 and file.content.startswith(b"%PDF")
    assert AuditEvent.objects.filter(object_type="partnership_compendium_download", object_id=str(pk)).count() == 1


def test_the_api_refuses_a_wrong_period_and_roles_off_the_board(client, analyst, make_user):
    headers = _bearer(analyst)
    wrong = client.get("/api/v1/partnership/indicators?start=2026-03-31&end=2025-04-01", **headers)
    assert wrong.status_code == 422
    assert "on or before the last day" in wrong.json()["errors"]["start"][0]
    half = client.get("/api/v1/partnership/indicators?start=2025-04-01", **headers)
    assert half.status_code == 422 and "end" in half.json()["errors"]
    inspector = _bearer(make_user(Role.INSPECTOR))
    refused = client.post("/api/v1/partnership/compendiums", {"start": "2025-04-01", "end": "2026-03-31"},
                          content_type="application/json", **inspector)
    assert refused.status_code == 403 and not ReportFile.objects.exists()
    worker = _bearer(make_user(Role.SOCIAL_WORKER))
    assert client.get("/api/v1/partnership/indicators", **worker).status_code == 403
