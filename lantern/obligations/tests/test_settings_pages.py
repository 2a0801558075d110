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
