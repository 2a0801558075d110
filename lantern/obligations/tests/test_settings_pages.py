"""The timescale settings pages: a dated change of local policy, its checks, its history and its
withdrawal."""

from datetime import date

from django.utils import timezone

from lantern.accounts.roles import Role
from lantern.audit_log.models import AuditEvent
from lantern.obligations.models import LocalPolicySetting

URL = "/settings/timescales/cp_visit_interval/"


def _form(**values) -> dict:
    return {"amount": "4", "unit": "weeks", "applies": "from", "effective_from_0": "1",
            "effective_from_1": "4", "effective_from_2": "2027", **values}


def test_a_change_needs_its_start_date_and_then_shows_as_not_yet_in_force(client, make_user):
    client.force_login(make_user(Role.ADMINISTRATOR))
    form = client.get(URL)
    today = timezone.localdate()
    assert f'value="{today.year}"' in form.content.decode()  # the start date offered is today
    refused = client.post(URL, _form(effective_from_0="", effective_from_1="", effective_from_2=""))
    assert refused.status_code == 200 and "Enter the date the value starts on" in refused.content.decode()
    assert not LocalPolicySetting.objects.exists()

    assert client.post(URL, _form()).status_code == 302
    setting = LocalPolicySetting.objects.get()
    assert (setting.effective_from, setting.amount, setting.unit) == (date(2027, 4, 1), 4, "weeks")
    page = client.get("/settings/timescales/").content.decode()
    assert "From 1 April 2027 (not yet in force): 4 weeks" in page
    assert "10 working days today" in page

    assert client.post(URL, {"remove": "not a number"}).status_code == 404
    assert client.post("/settings/timescales/cin_visit_interval/", {"remove": setting.pk}).status_code == 404
    assert client.post(URL, {"remove": setting.pk}).status_code == 302
    assert not LocalPolicySetting.objects.exists()
    assert AuditEvent.objects.filter(object_type="local_policy", detail="value from 2027-04-01 removed").exists()


def test_a_value_for_every_record_needs_no_date(client, make_user):
    client.force_login(make_user(Role.ADMINISTRATOR))
    assert client.post(URL, _form(applies="all", effective_from_0="", effective_from_1="",
                                  effective_from_2="")).status_code == 302
    assert LocalPolicySetting.objects.get().effective_from == date.min
    assert "For every record: 4 weeks" in client.get("/settings/timescales/").content.decode()


def test_a_date_missing_a_part_says_which(client, make_user):
    client.force_login(make_user(Role.ADMINISTRATOR))
    refused = client.post(URL, _form(effective_from_0="", effective_from_1="4")).content.decode()
    assert "Starting on must include a day" in refused and "Enter a complete value" not in refused
    refused = client.post(URL, _form(effective_from_1="", effective_from_2="")).content.decode()
    assert "Starting on must include a month and year" in refused


def test_a_malformed_removal_is_not_found(client, make_user):
    client.force_login(make_user(Role.ADMINISTRATOR))
    assert client.post("/settings/timescales/", {"remove_closure": "1; drop"}).status_code == 404


def test_the_api_sets_a_dated_value_through_the_same_service_and_audit(client, make_user):
    from lantern.accounts.models import ApiToken

    admin = make_user(Role.ADMINISTRATOR)
    key = "lantern-test-key-for-the-policy-api"
    ApiToken.objects.create(user=admin, name="test", key_hash=ApiToken.hash_key(key), prefix=key[:8])
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    put = client.put("/api/v1/local-timescales/cp_visit_interval",
                     {"amount": 4, "unit": "weeks", "effective_from": "2027-04-01"}, content_type="application/json",
                     **auth)
    assert put.status_code == 200
    body = put.json()
    assert body["in_force_today"] == "10 working days" and body["values"][0]["effective_from"] == "2027-04-01"
    assert body["values"][0]["value"] == "4 weeks"
    assert AuditEvent.objects.filter(object_type="local_policy", detail="for clocks starting from 2027-04-01").exists()
    refused = client.put("/api/v1/local-timescales/no_such_policy", {"amount": 4, "unit": "weeks"},
                         content_type="application/json", **auth)
    assert refused.status_code == 422 and not LocalPolicySetting.objects.filter(key="no_such_policy").exists()
    listed = {row["key"]: row for row in client.get("/api/v1/local-timescales", **auth).json()["items"]}
    assert listed["cp_visit_interval"]["values"][0]["changed_by"] == str(admin)
    worker, worker_key = make_user(Role.SOCIAL_WORKER), "lantern-test-key-for-a-social-worker"
    ApiToken.objects.create(user=worker, name="test", key_hash=ApiToken.hash_key(worker_key), prefix=worker_key[:8])
    assert client.put("/api/v1/local-timescales/cp_visit_interval", {"amount": 2, "unit": "weeks"},
                      content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {worker_key}").status_code == 403
    assert LocalPolicySetting.objects.get(key="cp_visit_interval").amount == 4
