"""The statutory clock in a browser: a worker's list, the reason behind a date, a manager's team
view, and an administrator adding a closure day and recomputing, with axe-core on every page."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from lantern.accounts.roles import Role
from lantern.obligations.clock import current_clock
from lantern.obligations.models import Obligation
from lantern.referrals.services import episode_open
from lantern.testing.factories import ChildFactory, TeamFactory, UserFactory

expect = pytest.importorskip("playwright.sync_api").expect

pytestmark = pytest.mark.browser


def nav_link(page, name):
    return page.get_by_role("navigation", name="Menu").get_by_role("link", name=name, exact=True)


@pytest.fixture
def team(transactional_db):
    return TeamFactory(name="Brindleford East care management")


@pytest.fixture
def worker(team):
    return UserFactory(role=Role.SOCIAL_WORKER, team=team, first_name="Priya", last_name="Nandra")


@pytest.fixture
def overdue_child(team, worker):
    child = ChildFactory(first_name="Reece", last_name="Holloway", date_of_birth=date(2014, 6, 2),
                         current_team=team, current_worker=worker)
    episode_open(actor=worker, child=child, referral_date=timezone.localdate() - timedelta(days=90),
                 referral_source="2A", primary_need="N1")
    return child


def test_worker_sees_an_overdue_assessment_and_why_it_was_due(page, worker, overdue_child, sign_in, axe_check,
                                                               screenshot):
    sign_in(page, worker)
    nav_link(page, "My work").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My work")
    row = page.get_by_role("row").filter(has_text="Reece Holloway")
    expect(row).to_contain_text("Child and family assessment")
    expect(row).to_contain_text("Overdue")
    axe_check(page, "my work")
    screenshot(page, "20-my-work")

    row.get_by_role("link", name="Reece Holloway").click()
    deadlines = page.get_by_role("table", name="The child's statutory and local deadlines")
    deadlines.get_by_text("Why this date").click()
    expect(deadlines).to_contain_text("45 working days from the referral")
    axe_check(page, "child summary with deadlines")
    screenshot(page, "21-child-deadlines")


def test_manager_sees_the_teams_caseloads_and_unallocated_children(page, team, worker, overdue_child, sign_in,
                                                                    axe_check):
    ChildFactory(first_name="Tia", last_name="Marsh", date_of_birth=date(2019, 2, 2), current_team=team)
    manager = UserFactory(role=Role.TEAM_MANAGER, team=team, first_name="Dana", last_name="Whitlock")
    sign_in(page, manager)
    nav_link(page, "Team work").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Brindleford East care management")
    caseloads = page.get_by_role("table", name="Caseload and overdue deadlines by worker")
    expect(caseloads.get_by_role("row").filter(has_text="Priya Nandra")).to_contain_text("1")
    expect(page.get_by_role("link", name="Tia Marsh")).to_be_visible()
    axe_check(page, "team work")


def test_administrator_adds_a_closure_day_and_recomputes_due_dates(page, overdue_child, sign_in, axe_check,
                                                                    screenshot):
    admin = UserFactory(role=Role.ADMINISTRATOR, team=None, first_name="Ola", last_name="Admin")
    obligation = Obligation.objects.get(child=overdue_child)
    before = obligation.due_date
    sign_in(page, admin)
    nav_link(page, "Timescale settings").click()
    axe_check(page, "timescale settings")
    page.get_by_role("button", name="Add closure day").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter the date the authority is closed")
    axe_check(page, "timescale settings with errors")

    closed = obligation.start_date + timedelta(days=10)
    while not current_clock().calendar.is_working_day(closed):  # a closure on a bank holiday changes nothing
        closed += timedelta(days=1)
    page.get_by_label("Day").fill(str(closed.day))
    page.get_by_label("Month").fill(str(closed.month))
    page.get_by_label("Year").fill(str(closed.year))
    page.get_by_label("Reason").fill("Office move")
    page.get_by_role("button", name="Add closure day").click()
    expect(page.get_by_text("The closure day was added")).to_be_visible()

    page.get_by_role("button", name="Recompute due dates").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Recomputing due dates")
    expect(page.get_by_text("Finished")).to_be_visible()
    axe_check(page, "task progress")
    screenshot(page, "22-recompute-finished")
    obligation.refresh_from_db()
    assert obligation.due_date > before

    nav_link(page, "Timescale settings").click()
    page.get_by_role("link", name=re.compile(r"^Change Child protection visit")).click()
    page.get_by_role("textbox", name="Day").fill("")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_contain_text("Starting on must include a day")
    axe_check(page, "local policy change with errors")
    page.get_by_role("textbox", name="Day").fill("1")
    page.get_by_role("textbox", name="Month").fill("4")
    page.get_by_role("textbox", name="Year").fill(str(before.year + 2))
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text(f"From 1 April {before.year + 2} (not yet in force)")).to_be_visible()
