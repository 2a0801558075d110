"""The partnership page: the period form and its errors, the sections, no child identities, the
audit row, the navigation entry, and who is refused."""

from datetime import date

import pytest
from django.utils import timezone

from lantern.accounts.roles import Role
from lantern.audit_log.models import AuditEvent
from lantern.returns.partnership.testing import ConferenceFactory, StrategyDiscussionFactory

pytestmark = pytest.mark.django_db


def dates(start: date, end: date) -> dict:
    return {"start_0": start.day, "start_1": start.month, "start_2": start.year,
            "end_0": end.day, "end_1": end.month, "end_2": end.year}


@pytest.fixture
def board_member(make_user):
    return make_user(Role.PARTNER_PRACTITIONER)


def test_the_page_shows_every_indicator_for_the_default_period(client, analyst):
    today = timezone.localdate()
    discussion = StrategyDiscussionFactory(held_on=today, agencies=["csc", "health"])
    ConferenceFactory(conference_date=today, invited=[("csc", True, None), ("police", False, None)])
    client.force_login(analyst)
    response = client.get("/partnership/")
    assert response.status_code == 200
    html = response.content.decode()
    for title in ("Strategy discussions: which agencies took part",
                  "Child protection conferences: attendance and reports by agency",
                  "Police attendance at initial child protection conferences", "Core groups: attendance by agency",
                  "Domestic abuse notifications: from notification to help",
                  "Contacts and referrals by the agency that made them", "What the records do not show"):
        assert title in html
    assert "Figures as at" in html and "Make a PDF of these figures for the board" in html
    assert "1 of 1 (100%) went ahead without the police or without health" in html
    assert "1 initial conference went ahead without the police" in html
    assert 'href="/performance/"' in html
    # Aggregates only: the child behind the discussion is not named anywhere.
    child = discussion.child
    assert child.last_name not in html and child.lantern_id not in html


def test_viewing_the_page_is_audited_without_a_child(client, analyst):
    client.force_login(analyst)
    client.get("/partnership/?" + "&".join(f"{k}={v}" for k, v in dates(date(2025, 4, 1),
                                                                          date(2026, 3, 31)).items()))
    event = AuditEvent.objects.get(object_type="partnership_compendium")
    assert event.actor == analyst and event.action == "list" and event.child_id is None
    assert "1 April 2025 to 31 March 2026" in event.detail


@pytest.mark.parametrize("start,end,message", [
    (date(2026, 3, 1), date(2025, 3, 1), "The first day of the period must be on or before the last day"),
    (date(2015, 1, 1), date(2025, 3, 1), "The period must be 5 years or shorter"),
])
def test_a_wrong_period_is_refused_clearly(client, analyst, start, end, message):
    client.force_login(analyst)
    response = client.get("/partnership/", dates(start, end))
    html = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in html and message in html
    assert "Figures as at" not in html
    assert not AuditEvent.objects.filter(object_type="partnership_compendium").exists()


def test_an_end_in_the_future_and_an_unreal_date_are_refused(client, analyst):
    client.force_login(analyst)
    tomorrow = timezone.localdate().replace(year=timezone.localdate().year + 1)
    html = client.get("/partnership/", {**dates(date(2025, 4, 1), tomorrow), "start_0": "31",
                                        "start_1": "2"}).content.decode()
    assert "First day of the period must be a real date" in html
    assert "The last day of the period must be today" in html
    html = client.get("/partnership/", {"start_0": "1", "start_1": "4", "start_2": "2025"}).content.decode()
    assert "Enter the last day of the period" in html


def test_partner_board_members_read_it_and_see_the_nav_entry(client, board_member):
    client.force_login(board_member)
    response = client.get("/partnership/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/partnership/" aria-current="true"' in html and "Partnership data" in html
    assert "Make a PDF of these figures" not in html  # partners read; the authority's staff make board papers


@pytest.mark.parametrize("role", [Role.SOCIAL_WORKER, Role.FRONT_DOOR_SCREENER, Role.ADMINISTRATOR])
def test_roles_outside_the_board_are_refused(client, make_user, role):
    client.force_login(make_user(role))
    assert client.get("/partnership/").status_code == 403
    assert "Partnership data" not in client.get("/").content.decode()


def test_a_reader_who_may_not_make_papers_cannot_post_one(client, make_user):
    client.force_login(make_user(Role.INSPECTOR))
    response = client.post("/partnership/", {"start": "2025-04-01", "end": "2026-03-31"})
    assert response.status_code == 403
    from lantern.returns.models import ReportFile
    assert not ReportFile.objects.exists()
