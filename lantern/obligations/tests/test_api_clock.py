"""The statutory clock over the API: paged work lists with their filters, and the settings page's
every action (closure days, withdrawing a value, recomputing), for administrators only."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from lantern.accounts.roles import Role
from lantern.obligations.models import ClosureDay, LocalPolicySetting
from lantern.referrals.services import episode_open
from lantern.testing.api import bearer
from lantern.testing.factories import ChildFactory


def _get(client, path, user):
    return client.get(f"/api/v1{path}", **bearer(user))


@pytest.fixture
def caseload(team, social_worker):
    """Three children of the worker, referred 100, 20 and 3 days ago: the first's assessment is overdue."""
    children = [ChildFactory(current_team=team, current_worker=social_worker, date_of_birth=date(2015, 1, 1))
                for _ in range(3)]
    for child, age in zip(children, (100, 20, 3), strict=True):
        episode_open(actor=social_worker, child=child, referral_date=timezone.localdate() - timedelta(days=age),
                     referral_source="3A", primary_need="N1")
    return children


def test_my_work_is_paged_most_urgent_first_and_filtered(client, social_worker, caseload):
    first = _get(client, "/worklists/mine?limit=2", social_worker).json()
    rest = _get(client, f"/worklists/mine?limit=2&cursor={first['next']}", social_worker).json()
    assert [o["child_id"] for o in first["items"] + rest["items"]] == [c.pk for c in caseload]
    assert rest["next"] is None
    overdue = _get(client, "/worklists/mine?status=overdue&rule_id=single_assessment", social_worker).json()
    assert [o["child_id"] for o in overdue["items"]] == [caseload[0].pk]
    refused = _get(client, "/worklists/mine?status=late&rule_id=nonsense", social_worker)
    assert refused.status_code == 422 and set(refused.json()["errors"]) == {"status", "rule_id"}


def test_a_team_and_the_service_lists_for_those_who_see_them(client, social_worker, make_user, team, caseload):
    manager = make_user(Role.TEAM_MANAGER, team=team)
    team_rows = _get(client, f"/worklists/teams/{team.pk}?worker_id={social_worker.pk}", manager).json()["items"]
    assert {o["child_id"] for o in team_rows} == {c.pk for c in caseload}
    assert _get(client, f"/worklists/teams/{team.pk}", social_worker).status_code == 403
    service = _get(client, f"/worklists/service?team_id={team.pk}&status=overdue", manager).json()["items"]
    assert [o["child_id"] for o in service] == [caseload[0].pk]
    assert _get(client, "/worklists/service", social_worker).status_code == 403


def test_closure_days_a_value_withdrawn_and_a_recompute(client, make_user, social_worker):
    admin = make_user(Role.ADMINISTRATOR)
    day = {"day": "2030-12-27", "label": "Christmas closure"}
    send = {"content_type": "application/json"}
    assert client.post("/api/v1/closure-days", day, **send, **bearer(social_worker)).status_code == 403
    made = client.post("/api/v1/closure-days", day, **send, **bearer(admin))
    assert made.status_code == 201 and ClosureDay.objects.filter(day=date(2030, 12, 27)).exists()
    again = client.post("/api/v1/closure-days", day, **send, **bearer(admin))
    assert again.status_code == 422 and list(again.json()["errors"]) == ["day"]
    assert _get(client, "/closure-days", admin).json()["items"][0]["label"] == "Christmas closure"
    assert client.delete(f"/api/v1/closure-days/{made.json()['id']}", **bearer(social_worker)).status_code == 403
    assert client.delete(f"/api/v1/closure-days/{made.json()['id']}", **bearer(admin)).status_code == 204
    assert not ClosureDay.objects.exists()
    put = client.put("/api/v1/local-timescales/cp_visit_interval", {"amount": 4, "unit": "weeks",
                                                                    "effective_from": "2027-04-01"}, **send,
                     **bearer(admin))
    value_id = put.json()["values"][0]["id"]
    bad_unit = client.put("/api/v1/local-timescales/cp_visit_interval", {"amount": 4, "unit": "fortnights"}, **send,
                          **bearer(admin))
    assert bad_unit.status_code == 422 and list(bad_unit.json()["errors"]) == ["unit"]
    withdrawn = client.delete(f"/api/v1/local-timescales/cp_visit_interval/values/{value_id}", **bearer(admin))
    assert withdrawn.status_code == 200 and withdrawn.json()["values"] == []
    assert not LocalPolicySetting.objects.exists()
    assert client.post("/api/v1/due-dates/recompute", **bearer(social_worker)).status_code == 403
    started = client.post("/api/v1/due-dates/recompute", **bearer(admin))
    assert started.status_code == 202 and started.json()["kind"] == "recompute_obligations"
