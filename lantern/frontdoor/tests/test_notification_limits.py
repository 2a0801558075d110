"""The police notifications CSV: a field over 128 KB is refused naming its row (it was a server
error), the rows and the size are capped with messages naming the limit, an oversized upload is
refused from its declared size before it is read, and the API takes no more rows than the file."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from lantern.frontdoor import csv_rows
from lantern.frontdoor.forms import notifications as upload_forms
from lantern.frontdoor.models import DomesticAbuseNotification
from lantern.frontdoor.tests.test_notifications import GOOD, HEADER

pytestmark = pytest.mark.django_db
URL = "/front-door/notifications/upload/"


def _post(client, body: bytes):
    return client.post(URL, {"file": SimpleUploadedFile("notifications.csv", body, content_type="text/csv")})


def test_a_field_over_128_kb_is_refused_naming_its_row(client, screener):
    client.force_login(screener)
    huge = "x" * (130 * 1024)
    body = (HEADER + GOOD + f'WM/7,2025-01-03,"{huge}",,1 Test Street,B70 9AB,Y,,high\n').encode()
    page = _post(client, body)
    assert page.status_code == 200
    html = page.content.decode()
    assert "govuk-error-summary" in html and "Row 3" in html and "128 KB" in html
    assert DomesticAbuseNotification.objects.count() == 0


def test_an_unclosed_quote_is_refused_naming_its_row_not_a_server_error(client, screener):
    client.force_login(screener)
    body = (HEADER + GOOD + 'WM/8,2025-01-03,"Sam Example,,1 Test Street,B70 9AB,Y,,high\n'
            + ("WM/9,2025-01-03,Jo,,2 Test Street,B70 9AB,Y,,high\n" * 3000)).encode()
    html = _post(client, body).content.decode()
    assert "Row 3" in html and DomesticAbuseNotification.objects.count() == 0


def test_the_rows_are_capped_with_a_message_naming_the_limit(client, screener, monkeypatch):
    monkeypatch.setattr(csv_rows, "MAX_ROWS", 3)
    client.force_login(screener)
    rows = "".join(f"WM/{n},2025-01-03,Sam Example,,1 Test Street,B70 9AB,Y,,high\n" for n in range(10, 14))
    html = _post(client, (HEADER + rows).encode()).content.decode()
    assert "more than 3 rows" in html and DomesticAbuseNotification.objects.count() == 0
    assert _post(client, (HEADER + rows[: rows.index("WM/13")]).encode()).status_code == 302


def test_an_oversized_upload_is_refused_from_its_size_before_it_is_read(client, screener, monkeypatch):
    monkeypatch.setattr(upload_forms, "MAX_UPLOAD_BYTES", 1024)
    client.force_login(screener)
    html = _post(client, (HEADER + GOOD * 40).encode()).content.decode()
    assert "smaller than 1 KB" in html and DomesticAbuseNotification.objects.count() == 0


def test_a_body_far_over_the_cap_is_refused_without_parsing_it(client, screener, monkeypatch):
    from django.http import multipartparser

    monkeypatch.setattr(upload_forms, "MAX_UPLOAD_BYTES", 1024)
    monkeypatch.setattr(multipartparser.MultiPartParser, "parse", lambda self: pytest.fail("the body was read"))
    client.force_login(screener)
    response = _post(client, (HEADER + GOOD * 2000).encode())
    assert response.status_code == 413 and "smaller than 1 KB" in response.content.decode()


def test_the_api_takes_no_more_rows_than_the_limit(client, police, monkeypatch):
    from lantern.accounts.models import ApiToken

    monkeypatch.setattr(csv_rows, "MAX_ROWS", 2)
    key = "police-limit-key"
    ApiToken.objects.create(user=police, name="test", key_hash=ApiToken.hash_key(key), prefix=key[:8])
    row = {"police_reference": "WM/1", "incident_date": "2025-01-03", "victim_name": "Sam Example",
           "address": "1 Test Street", "children_in_household": "Y", "dash_risk": "high"}
    refused = client.post("/api/v1/frontdoor/notifications", {"rows": [row] * 3}, content_type="application/json",
                          HTTP_AUTHORIZATION=f"Bearer {key}")
    assert refused.status_code == 422 and "at most 2 rows" in refused.content.decode()
