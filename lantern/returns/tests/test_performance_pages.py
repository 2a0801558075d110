"""The dashboard page, the drill-down pages and the API: the same figures as the services, bad
input refused clearly, a fixed number of queries whatever the size of the authority."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lantern.accounts.models import ApiToken
from lantern.accounts.roles import Role
from lantern.audit_log.models import AuditEvent
from lantern.obligations.models import Obligation
from lantern.testing.factories import ChildFactory

from .test_performance_figures import EXPECTED, FY, _obligation, build_world, on

PERIOD = f"fy{FY}"


@pytest.fixture
def world(team, social_worker, chair, make_user):
    return build_world(team, social_worker, chair, make_user)


def _headers(user) -> dict:
    key = f"performance-token-{user.pk}"
    ApiToken.objects.create(user=user, name="test", key_hash=ApiToken.hash_key(key), prefix=key[:8])
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_dashboard_page_shows_each_figure_with_links_and_england(client, world, analyst):
    client.force_login(analyst)
    response = client.get(f"/performance/?period={PERIOD}")
    assert response.status_code == 200
    page = response.content.decode()
    assert f"the year to 31 March {FY + 1}" in page
    assert "England: <strong>22.6%</strong>" in page and "no England figure in our reference" in page
    assert f"/performance/rereferrals/children/?period={PERIOD}&amp;part=met" in page
    assert f"/performance/plans-by-category/children/?period={PERIOD}&amp;group=PHY" in page
    assert "Month by month" in page and 'class="lantern-spark"' in page
    groups = dict(response.context["groups"])
    cards = {card["measure"].id: card for cards in groups.values() for card in cards}
    assert {k: (c["figure"].numerator, c["figure"].denominator) for k, c in cards.items()} == EXPECTED
    assert cards["rereferrals"]["comparison"] == "27.4 points above England (worse)"


def test_an_unknown_period_is_refused_with_a_clear_error(client, world, analyst):
    client.force_login(analyst)
    response = client.get("/performance/?period=fy1999")
    assert response.status_code == 400
    assert "Choose one of the periods offered" in response.content.decode()


def test_dashboard_runs_a_fixed_number_of_queries(client, world, analyst, team, social_worker):
    client.force_login(analyst)
    client.get(f"/performance/?period={PERIOD}")
    with CaptureQueriesContext(connection) as before:
        assert client.get(f"/performance/?period={PERIOD}").status_code == 200
    for n in range(5):  # more children, more deadlines, more months with figures
        child = ChildFactory(current_team=team, current_worker=social_worker)
        _obligation(child, "cin_visit", on(4 + n, 3), met=on(4 + n, 2))
        _obligation(child, "cp_visit", on(4 + n, 9))
    with CaptureQueriesContext(connection) as after:
        assert client.get(f"/performance/?period={PERIOD}").status_code == 200
    assert len(after) == len(before) <= 25  # session, user, 15 figure queries, audit, the base page's own
    selects = [q["sql"] for q in after.captured_queries if q["sql"].startswith("SELECT")]
    figures = [sql for sql in selects if "accounts_user" not in sql and "django_session" not in sql
               and "accounts_team" not in sql]
    assert len(figures) == 15
    assert Obligation.objects.filter(rule_id="cin_visit").count() == 6


def test_drill_down_page_lists_visible_children_and_counts_the_rest(client, world):
    manager = world["manager"]
    client.force_login(manager)
    response = client.get(f"/performance/contacts/children/?period={PERIOD}")
    assert response.status_code == 200
    page = response.content.decode()
    assert f'/children/{world["a"].pk}/' in page and f'/children/{world["b"].pk}/' not in page
    assert "2 concern children whose records you cannot see" in page
    assert "1 is not yet matched to a child's record" in page
    assert AuditEvent.objects.filter(object_type="performance_children", actor=manager, object_id="contacts").exists()


@pytest.mark.parametrize("query", ["part=everything", "page=0", "page=9", "group=XYZ"])
def test_drill_down_refuses_bad_input(client, world, analyst, query):
    client.force_login(analyst)
    measure = "plans-by-category" if query.startswith("group") else "cin-visits"
    response = client.get(f"/performance/{measure}/children/?period={PERIOD}&{query}")
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()


def test_unknown_measure_is_not_found(client, world, analyst):
    client.force_login(analyst)
    assert client.get("/performance/happiness/children/").status_code == 404


def test_roles_without_the_dashboard_are_refused(client, make_user):
    client.force_login(make_user(Role.SOCIAL_WORKER))
    assert client.get("/performance/").status_code == 403
    assert client.get("/performance/contacts/children/").status_code == 403


def test_api_gives_the_same_figures_and_children(client, world, analyst):
    headers = _headers(analyst)
    body = client.get(f"/api/v1/performance?period={PERIOD}", **headers).json()
    got = {m["id"]: (m["numerator"], m["denominator"]) for m in body["measures"]}
    assert got == EXPECTED and body["period"] == PERIOD
    reref = next(m for m in body["measures"] if m["id"] == "rereferrals")
    assert reref["england"]["percent"] == 22.6 and reref["england_note"] == ""
    assert len(reref["series"]) == 12
    seen = next(m for m in body["measures"] if m["id"] == "second_plans")
    assert seen["england"] is None and seen["england_note"] == "no England figure in our reference"
    url = f"/api/v1/performance/seen-alone/children?period={PERIOD}&part=met"
    counts = client.get(url.replace("/children?", "/children/counts?"), **headers).json()
    assert counts["total"] == 2 and counts["listed"] == 2 and counts["hidden"] == 0
    first = client.get(f"{url}&limit=1", **headers).json()
    second = client.get(f"{url}&limit=1&cursor={first['next']}", **headers).json()
    assert second["next"] is None
    assert {r["child_id"] for r in first["items"] + second["items"]} == {world["a"].pk, world["b"].pk}
    assert AuditEvent.objects.filter(object_type="performance_children", via="api").exists()
    assert AuditEvent.objects.filter(object_type="performance_dashboard", via="api").exists()


def test_api_refuses_bad_input_and_other_roles(client, world, analyst, make_user):
    headers = _headers(analyst)
    assert client.get("/api/v1/performance?period=nonsense", **headers).status_code == 422
    assert client.get("/api/v1/performance/nothing/children", **headers).status_code == 422
    assert client.get("/api/v1/performance", **_headers(make_user(Role.SOCIAL_WORKER))).status_code == 403
