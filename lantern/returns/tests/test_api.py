"""The census over the API: the same services, policy and audit trail as the pages."""

import pytest

from lantern.accounts.models import ApiToken
from lantern.accounts.roles import Role
from lantern.audit_log.models import AuditEvent

from . import casework as cw


def _headers(user) -> dict:
    key = f"census-token-{user.pk}"
    ApiToken.objects.create(user=user, name="test", key_hash=ApiToken.hash_key(key), prefix=key[:8])
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_export_status_and_download(client, analyst, team, social_worker, chair):
    cw.protected_child(team, social_worker, chair)
    headers = _headers(analyst)
    started = client.post("/api/v1/census/2025/exports", **headers)
    assert started.status_code == 202
    body = started.json()
    assert body["status"] == "done" and body["children"] == 1 and body["errors"] == 0
    assert client.get(f"/api/v1/census/exports/{body['id']}", **headers).json()["download"] == body["download"]
    file = client.get(body["download"], **headers)
    assert file.status_code == 200 and file.content.startswith(b"<?xml") and b"<Year>2025</Year>" in file.content
    assert AuditEvent.objects.filter(action="export", object_type="cin_census_download", via="api").exists()
    # The export itself ran as a background task, and its audit row still says it came through the API.
    assert AuditEvent.objects.get(action="export", object_type="cin_census_export").via == "api"


def test_validation_and_one_childs_issues(client, analyst, team, social_worker):
    child = cw.census_child(team, social_worker)
    cw.episode(child, social_worker, primary_need="")
    headers = _headers(analyst)
    started = client.post("/api/v1/census/2025/validations", **headers)
    assert started.status_code == 202 and started.json()["by_rule"]["8610"] == 1
    latest = client.get("/api/v1/census/2025/validations/latest", **headers).json()
    assert latest["errors"] == 1 and latest["status"] == "done"
    issues = client.get(f"/api/v1/children/{child.pk}/census-issues?year=2025", **_headers(social_worker))
    assert [i["rule"] for i in issues.json()["items"] if i["severity"] == "error"] == ["8610"]
    assert AuditEvent.objects.filter(object_type="cin_census_issues", child_id=child.pk).exists()


@pytest.mark.parametrize("role", [Role.SERVICE_MANAGER, Role.SOCIAL_WORKER, Role.ADMINISTRATOR])
def test_only_the_analyst_starts_exports_and_checks(client, make_user, role):
    headers = _headers(make_user(role))
    assert client.post("/api/v1/census/2025/exports", **headers).status_code == 403
    assert client.post("/api/v1/census/2025/validations", **headers).status_code == 403


def test_a_year_lantern_does_not_write_is_refused(client, analyst):
    assert client.post("/api/v1/census/2019/exports", **_headers(analyst)).status_code == 403
