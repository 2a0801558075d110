from datetime import date, timedelta

import pytest
from django.utils import timezone

from lantern.access.models import NamedAccess
from lantern.accounts.models import ApiToken
from lantern.accounts.roles import Role
from lantern.obligations.clock import current_clock
from lantern.obligations.selectors import my_work, service_counts, team_work
from lantern.referrals.services import episode_open
from lantern.testing.factories import ChildFactory, ServiceFactory, TeamFactory, UserFactory


def refer(child, actor, days_ago: int):
    return episode_open(actor=actor, child=child, referral_date=timezone.localdate() - timedelta(days=days_ago),
                        referral_source="3A", primary_need="N1")


@pytest.fixture
def caseload(team, social_worker):
    """Three children for the worker (one referred 100 days ago, so overdue), one unallocated and overdue."""
    children = [ChildFactory(current_team=team, current_worker=social_worker, date_of_birth=date(2015, 1, 1))
                for _ in range(3)]
    for child, age in zip(children, (100, 20, 3), strict=True):
        refer(child, social_worker, age)
    spare = ChildFactory(current_team=team, date_of_birth=date(2014, 2, 2))
    refer(spare, social_worker, 80)
    return children, spare


def test_my_work_lists_my_childrens_deadlines_most_urgent_first(social_worker, caseload):
    rows = my_work(social_worker, today=timezone.localdate(), clock=current_clock())
    assert [r.obligation.child_id for r in rows] == [c.pk for c in caseload[0]]
    assert rows[0].status.status == "overdue" and rows[-1].status.status == "upcoming"
    # Each row links to a page about that child where the obligation is met.
    assert all(r.obligation.link.startswith(f"/children/{r.obligation.child_id}/") for r in rows)


def test_my_work_never_shows_other_workers_children(make_user, caseload, team):
    colleague = UserFactory(role=Role.SOCIAL_WORKER, team=team)
    assert my_work(colleague, today=timezone.localdate(), clock=current_clock()) == []


def test_team_view_groups_by_worker_overdue_first_with_unallocated_children(make_user, team, social_worker,
                                                                            caseload):
    manager = make_user(Role.TEAM_MANAGER, team=team)
    work = team_work(manager, team, today=timezone.localdate(), clock=current_clock())
    first = work.workers[0]
    assert first.worker == social_worker and first.caseload == 3 and first.overdue == 1
    assert [c.pk for c in work.unallocated] == [caseload[1].pk]
    assert work.workers[-1].worker is None and len(work.workers[-1].obligations) == 1


def test_service_counts_by_team_rule_and_status(make_user, team, caseload):
    analyst = make_user(Role.PERFORMANCE_ANALYST)
    counts = service_counts(analyst, today=timezone.localdate(), clock=current_clock())
    (row,) = counts[(team.pk, team.name)]
    assert row["rule_id"] == "single_assessment"
    assert (row["overdue"], row["upcoming"] + row["due_soon"] + row["due_today"]) == (2, 2)


def test_service_counts_are_empty_for_a_reader_who_may_see_no_child(make_user, caseload):
    administrator = make_user(Role.ADMINISTRATOR)  # configures the system, sees no child's record
    assert service_counts(administrator, today=timezone.localdate(), clock=current_clock()) == {}


def test_service_counts_follow_the_access_policy_and_count_children_no_team_holds(make_user, team, social_worker,
                                                                                  caseload):
    elsewhere = TeamFactory(service=ServiceFactory(name="Early help"))
    their_worker = make_user(Role.SOCIAL_WORKER, team=elsewhere)
    refer(ChildFactory(current_team=elsewhere, date_of_birth=date(2016, 3, 3)), their_worker, 100)
    restricted = ChildFactory(current_team=team, current_worker=social_worker, is_restricted=True,
                              date_of_birth=date(2016, 4, 4))
    NamedAccess.objects.create(child=restricted, user=social_worker, granted_by=social_worker)
    refer(restricted, social_worker, 100)
    refer(ChildFactory(current_team=None, current_worker=social_worker, date_of_birth=date(2017, 5, 5)),
          social_worker, 100)
    today = timezone.localdate()

    def overdue(user) -> dict:
        counts = service_counts(user, today=today, clock=current_clock())
        return {team_name: sum(row["overdue"] for row in rows) for (_, team_name), rows in counts.items()}

    # The whole authority, restricted records left out: the team's two, the other service's one, and
    # the child no team holds.
    assert overdue(make_user(Role.PERFORMANCE_ANALYST)) == {team.name: 2, elsewhere.name: 1, "Not allocated": 1}
    # A service manager sees the own service's teams only, and no child no team holds.
    assert overdue(make_user(Role.SERVICE_MANAGER, team=team)) == {team.name: 2}


def test_work_list_pages_use_a_fixed_number_of_queries(client, social_worker, team, caseload, make_user,
                                                       django_assert_max_num_queries):
    client.force_login(social_worker)
    client.get("/work/")
    # 10 for the page, and 2 for its audit row: the children it showed (one insert) and the seal.
    with django_assert_max_num_queries(12):
        small = client.get("/work/")
    for _ in range(5):
        refer(ChildFactory(current_team=team, current_worker=social_worker, date_of_birth=date(2016, 3, 3)),
              social_worker, 10)
    with django_assert_max_num_queries(12):
        large = client.get("/work/")
    assert large.content.decode().count("govuk-table__row") > small.content.decode().count("govuk-table__row")
    manager = make_user(Role.TEAM_MANAGER, team=team)
    client.force_login(manager)
    client.get("/work/team/")
    with django_assert_max_num_queries(16):
        assert client.get("/work/team/").status_code == 200


def test_drill_down_opens_the_children_behind_a_number(client, make_user, team, caseload):
    client.force_login(make_user(Role.SERVICE_MANAGER, team=team))
    html = client.get(f"/work/service/children/?team={team.pk}&rule=single_assessment&status=overdue").content.decode()
    assert caseload[0][0].full_name in html and caseload[1].full_name in html
    assert caseload[0][2].full_name not in html
    assert client.get("/work/service/children/?rule=nonsense").status_code == 404


def test_timescales_api_can_answer_as_of_a_past_day(client, social_worker, team):
    child = ChildFactory(current_team=team, current_worker=social_worker, date_of_birth=date(2015, 1, 1))
    episode_open(actor=social_worker, child=child, referral_date=date(2025, 3, 3), referral_source="3A",
                 primary_need="N1")
    key = "worklist-token"
    ApiToken.objects.create(user=social_worker, name="t", key_hash=ApiToken.hash_key(key), prefix="worklist")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    before = client.get(f"/api/v1/children/{child.pk}/timescales?as_of=2025-03-02", **auth).json()["items"]
    assert before == []  # the referral had not happened yet
    (on_the_day,) = client.get(f"/api/v1/children/{child.pk}/timescales?as_of=2025-05-08", **auth).json()["items"]
    assert on_the_day["status"] == "due_today" and on_the_day["due_date"] == "2025-05-08"
    assert "45 working days" in on_the_day["explanation"]
    (after,) = client.get(f"/api/v1/children/{child.pk}/timescales?as_of=2025-05-12", **auth).json()["items"]
    assert after["status"] == "overdue" and after["working_days_left"] == -2
    assert client.get(f"/api/v1/children/{child.pk}/timescales?as_of=31-03-2025", **auth).status_code == 422


def test_service_view_charts_overdue_deadlines_by_team(client, make_user, team, caseload):
    client.force_login(make_user(Role.SERVICE_MANAGER, team=team))
    html = client.get("/work/service/").content.decode()
    assert "Overdue deadlines by team" in html
    assert f'<span class="lantern-bars__label">{team.name}</span>' in html and 'style="width: 100%"' in html


def test_service_view_summarises_by_team_and_kind_and_opens_one_team(client, make_user, team, caseload):
    client.force_login(make_user(Role.SERVICE_MANAGER, team=team))
    summary = client.get("/work/service/").content.decode()
    assert "Open deadlines by team" in summary and "Open deadlines by kind, every team" in summary
    assert f'href="?team={team.pk}"' in summary
    assert "/work/service/children/?team=all&amp;rule=single_assessment&amp;status=overdue" in summary
    detail = client.get(f"/work/service/?team={team.pk}").content.decode()
    assert f"{team.name}: open deadlines by kind" in detail
    assert f"/work/service/children/?team={team.pk}&amp;rule=single_assessment&amp;status=overdue" in detail
    every_team = client.get("/work/service/children/?team=all&rule=single_assessment&status=overdue").content.decode()
    assert "Every team" in every_team and caseload[0][0].full_name in every_team


def test_work_list_rows_escape_what_people_typed(client, make_user, team, social_worker, caseload):
    """The rows are joined as plain text for speed, so names that look like markup must come out as text."""
    from lantern.people.models import Person

    children, spare = caseload
    Person.objects.filter(pk=children[0].pk).update(first_name='<script>alert("x")</script>', last_name="O'Neil & Co")
    Person.objects.filter(pk=spare.pk).update(first_name="<b>Bold</b>")
    team.name = "Team <i>&</i>"
    team.save()
    client.force_login(social_worker)
    mine = client.get("/work/").content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in mine and "<script>alert" not in mine
    assert "O&#x27;Neil &amp; Co" in mine
    client.force_login(make_user(Role.TEAM_MANAGER, team=team))
    theirs = client.get("/work/team/").content.decode()
    assert "&lt;b&gt;Bold&lt;/b&gt;" in theirs and "<b>Bold</b>" not in theirs
    client.force_login(make_user(Role.SERVICE_MANAGER, team=team))
    service = client.get("/work/service/").content.decode()
    assert "Team &lt;i&gt;&amp;&lt;/i&gt;" in service and "Team <i>" not in service


@pytest.mark.parametrize("as_of", ["2200-01-01", "1899-12-31", "0001-01-01"])
def test_timescales_as_of_a_day_outside_1900_to_2100_is_422(client, social_worker, team, as_of):
    """Found by a hostile-insider probe: the working-day calendar stops at 2199, so this was a 500."""
    child = ChildFactory(current_team=team, current_worker=social_worker, date_of_birth=date(2015, 1, 1))
    episode_open(actor=social_worker, child=child, referral_date=date(2025, 3, 3), referral_source="3A",
                 primary_need="N1")
    key = "worklist-range"
    ApiToken.objects.create(user=social_worker, name="t", key_hash=ApiToken.hash_key(key), prefix="worklist")
    response = client.get(f"/api/v1/children/{child.pk}/timescales?as_of={as_of}", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 422
    assert response.json()["errors"] == {"as_of": ["Must be a date between 1900-01-01 and 2100-12-31"]}
    at_the_edge = client.get(f"/api/v1/children/{child.pk}/timescales?as_of=2100-12-31",
                             HTTP_AUTHORIZATION=f"Bearer {key}")
    assert at_the_edge.status_code == 200 and at_the_edge.json()["items"][0]["status"] == "overdue"


@pytest.mark.parametrize("wanted", ["%00", "ten", "-1"])
def test_team_work_for_a_team_that_is_not_a_number_is_not_found(client, make_user, team, wanted):
    """Found by probing every page with NUL in its query parameters: the lookup failed with a 500."""
    client.force_login(make_user(Role.TEAM_MANAGER, team=team))
    assert client.get(f"/work/team/?team={wanted}").status_code == 404
