"""Every list pages the same way: {items, next}, limit and cursor, in a fixed number of queries however
long the list or deep the page."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lantern.accounts.roles import Role
from lantern.people.models import Involvement
from lantern.testing.api import bearer
from lantern.testing.factories import AgencyFactory, InvolvementFactory


@pytest.fixture
def professionals(child):
    agency = AgencyFactory()
    return [InvolvementFactory(child=child, agency=agency, start_date=date(2024, 1, 1) + timedelta(days=n % 7))
            for n in range(25)]


def _walk(client, url: str, user, limit: int) -> list[dict]:
    seen, cursor = [], ""
    while True:
        page = client.get(f"{url}?limit={limit}{cursor}", **bearer(user)).json()
        assert set(page) == {"items", "next"} and len(page["items"]) <= limit
        seen += page["items"]
        if page["next"] is None:
            return seen
        cursor = f"&cursor={page['next']}"


def test_walking_every_page_gives_each_item_once_in_order(client, social_worker, child, professionals):
    url = f"/api/v1/children/{child.pk}/professionals"
    walked = _walk(client, url, social_worker, limit=4)
    expected = sorted(professionals, key=lambda i: (i.start_date, i.pk), reverse=True)
    assert [i["id"] for i in walked] == [i.pk for i in expected]


def test_a_row_added_between_pages_neither_repeats_nor_skips_another(client, social_worker, child, professionals):
    url = f"/api/v1/children/{child.pk}/professionals"
    first = client.get(f"{url}?limit=5", **bearer(social_worker)).json()
    InvolvementFactory(child=child, start_date=date(2030, 1, 1))  # sorts first: before the cursor
    rest = _walk(client, f"{url}", social_worker, limit=200)
    following = client.get(f"{url}?limit=200&cursor={first['next']}", **bearer(social_worker)).json()["items"]
    assert [i["id"] for i in first["items"] + following] == [i["id"] for i in rest if i["start_date"] != "2030-01-01"]


@pytest.mark.parametrize("query,field", [("limit=0", "limit"), ("limit=201", "limit"), ("limit=ten", "limit"),
                                         ("cursor=made-up", "cursor"), ("cursor=%00", "cursor")])
def test_a_bad_limit_or_cursor_is_refused_under_its_name(client, social_worker, child, query, field):
    response = client.get(f"/api/v1/children/{child.pk}/professionals?{query}", **bearer(social_worker))
    assert response.status_code == 422 and list(response.json()["errors"]) == [field]


def test_a_cursor_from_another_list_is_refused(client, social_worker, make_user, child, professionals):
    make_user(Role.SOCIAL_WORKER)
    other = client.get("/api/v1/staff?limit=1", **bearer(social_worker)).json()
    assert other["next"] is not None
    response = client.get(f"/api/v1/children/{child.pk}/professionals?cursor={other['next']}",
                          **bearer(social_worker))
    assert response.status_code == 422 and list(response.json()["errors"]) == ["cursor"]


def test_the_default_page_holds_50_and_200_is_the_most(client, social_worker, child):
    agency = AgencyFactory()
    Involvement.objects.bulk_create(Involvement(child=child, agency=agency, role="Teacher",
                                                start_date=date(2024, 1, 1)) for _ in range(210))
    url = f"/api/v1/children/{child.pk}/professionals"
    assert len(client.get(url, **bearer(social_worker)).json()["items"]) == 50
    assert len(client.get(f"{url}?limit=200", **bearer(social_worker)).json()["items"]) == 200


def _queries(client, url: str, user) -> int:
    headers = bearer(user)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, **headers).status_code == 200
    return len(captured)


def test_a_paged_list_of_records_with_rows_beneath_them_costs_the_same_queries_however_many(client, make_user,
                                                                                            social_worker, child):
    """Core groups with their attendees and progress on each action: one query per kind of row, never
    one per core group, whatever the page's size or depth."""
    from lantern.protection.models import CoreGroup
    from lantern.protection.tests.factories import chair_user, plan_for_child, working_days_ago

    manager = make_user(Role.TEAM_MANAGER, team=social_worker.team)
    plan = plan_for_child(social_worker, manager, chair_user(), child)
    url = f"/api/v1/cp-plans/{plan.pk}/core-groups"
    for n in range(12):
        meeting = CoreGroup.objects.create(plan=plan, child=child, held_on=working_days_ago(n), recorded_by=manager,
                                           summary="Progress is steady.")
        meeting.attendees.set(plan.members.all())
    client.get(url, **bearer(manager))  # the token's last use is stamped at most once a minute: not counted
    small, large = _queries(client, f"{url}?limit=2", manager), _queries(client, f"{url}?limit=12", manager)
    page = client.get(f"{url}?limit=5", **bearer(manager)).json()
    deeper = _queries(client, f"{url}?limit=5&cursor={page['next']}", manager)
    # The token with its user; the plan; the child through the policy, and its restriction check; the
    # audit row; the core groups, their attendees, and the progress on each action. SQLite seals the
    # audit row in the same transaction; PostgreSQL after the commit, which a test never reaches.
    pinned = 8 if connection.vendor == "postgresql" else 9
    assert small == large == deeper == pinned
