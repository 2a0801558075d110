"""A child in need journey in a real browser: referral, assessment (every section), a manager's
authorisation, the plan, a review, and closure with the manager's decision, with axe-core checking
every page against WCAG 2.2 AA."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from lantern.accounts.roles import Role
from lantern.audit_log.models import AuditEvent
from lantern.cin.models import CinPlan, PlanReview
from lantern.people.services import family_member_add
from lantern.referrals.models import Episode
from lantern.testing.factories import ChildFactory, TeamFactory, UserFactory

expect = pytest.importorskip("playwright.sync_api").expect

pytestmark = pytest.mark.browser


@pytest.fixture
def people(transactional_db):
    team = TeamFactory(name="Brindleford North care management team")
    worker = UserFactory(role=Role.SOCIAL_WORKER, team=team, first_name="Sam", last_name="Okafor")
    manager = UserFactory(role=Role.TEAM_MANAGER, team=team, first_name="Priya", last_name="Shah")
    child = ChildFactory(first_name="Ruby", last_name="Quenby", current_team=team, current_worker=worker)
    family_member_add(actor=worker, child=child, person_data={"first_name": "Daniel", "last_name": "Quenby",
                                                               "sex": "M"}, relationship_type="father")
    return worker, manager, child


def fill_date(page, group: str, day):
    fields = page.get_by_role("group", name=group, exact=True)
    fields.get_by_label("Day").fill(str(day.day))
    fields.get_by_label("Month").fill(str(day.month))
    fields.get_by_label("Year").fill(str(day.year))


def choose(page, group: str, option: str):
    page.get_by_role("group", name=group).get_by_label(option, exact=True).check()


def save(page, axe_check, label: str, button: str = "Save and return to the assessment"):
    axe_check(page, label)
    page.get_by_role("button", name=button).click()
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()


def switch_user(page, sign_in, user):
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, user)


def test_referral_to_closure(page, people, sign_in, axe_check, screenshot):
    worker, manager, child = people
    today = timezone.localdate()
    referral = today - timedelta(days=30)
    sign_in(page, worker)

    page.goto(f"/children/{child.pk}/")
    page.get_by_role("link", name="Record a referral").click()
    fill_date(page, "Date of the referral", referral)
    page.get_by_label("Where the referral came from").select_option(label="Schools")
    page.get_by_label("Primary need").select_option(label="Abuse or neglect")
    axe_check(page, "record a referral")
    page.get_by_role("button", name="Record referral").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Child in need episode from")
    axe_check(page, "episode")
    episode = Episode.objects.get(child=child)

    page.get_by_role("link", name="Start a child and family assessment").click()
    fill_date(page, "Date the assessment started", referral)
    axe_check(page, "start an assessment")
    page.get_by_role("button", name="Start the assessment").click()
    expect(page.get_by_text("You have completed 0 of 8 sections")).to_be_visible()
    axe_check(page, "assessment task list")
    assessment_url = page.url

    page.get_by_role("link", name="Seeing the child").click()
    fill_date(page, "Date the child was seen", referral + timedelta(days=2))
    choose(page, "Was the child seen alone?", "Yes")
    save(page, axe_check, "seeing the child")
    for section, label, answer in (
            ("The child's views, wishes and feelings", "The child's views", "'I don't like the shouting.'"),
            ("Identity and needs", "How do the child", "White British, English at home, no disability."),
            ("History", "What does the child's history tell you?", "One earlier school contact in 2023."),
    ):
        page.get_by_role("link", name=section).click()
        page.get_by_label(re.compile(re.escape(label))).fill(answer)
        save(page, axe_check, section)
    page.get_by_role("link", name="Parents and carers").click()
    expect(page.get_by_text("Male carer")).to_be_visible()
    choose(page, "Did Daniel Quenby, father take part in the assessment?", "Yes")
    save(page, axe_check, "parents and carers")
    page.get_by_role("link", name="Risks, strengths and analysis").click()
    page.get_by_label("Risks", exact=True).fill("Arguments at night.")
    page.get_by_label("Strengths and protective factors").fill("Both parents want help.")
    page.get_by_label("Analysis", exact=True).fill("The arguments frighten her; with support the risk is moderate.")
    save(page, axe_check, "analysis")
    page.get_by_role("link", name="Assessment factors").click()
    page.get_by_label("3B: Domestic abuse: concerns about a parent or carer").check()
    save(page, axe_check, "factors")
    page.get_by_role("link", name="Outcome").click()
    choose(page, "Outcome of the assessment", "Child in need plan")
    page.get_by_label("Why this outcome").fill("Needs coordinated support for three months.")
    save(page, axe_check, "outcome")
    expect(page.get_by_text("You have completed 8 of 8 sections")).to_be_visible()
    page.get_by_role("button", name="Send for authorisation").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("sent to a manager")
    screenshot(page, "cin-01-assessment-sent")

    switch_user(page, sign_in, manager)
    page.goto(assessment_url)
    page.get_by_role("link", name="Authorise or return the assessment").click()
    choose(page, "Your decision", "Authorise the assessment")
    page.get_by_label("Your rationale").fill("Clear analysis; the father took part; the plan follows.")
    axe_check(page, "authorise")
    page.get_by_role("button", name="Record decision").click()
    expect(page.get_by_text("The assessment was authorised")).to_be_visible()
    axe_check(page, "authorised assessment")

    switch_user(page, sign_in, worker)
    page.goto(assessment_url)
    page.get_by_role("link", name="Start the child in need plan").click()
    page.get_by_label("What must change for the child").fill("No more arguments at night; mum's mood better.")
    page.get_by_label("What will be done").fill("Mum attends the Freedom Programme")
    page.get_by_label("Who will do it").fill("Brindleford Women's Aid")
    fill_date(page, "By when", today + timedelta(days=60))
    page.get_by_label("How we will know it worked").fill("Mum can describe her safety plan")
    axe_check(page, "start the plan")
    page.get_by_role("button", name="Start the plan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Child in need plan")
    axe_check(page, "plan")
    screenshot(page, "cin-02-plan")

    page.get_by_role("link", name="Record a review").click()
    page.get_by_label("The child's views").fill("'It is quieter now.'")
    page.get_by_label("Overall progress").fill("Mum has started the programme.")
    choose(page, "Progress", "Under way, on track")
    axe_check(page, "review")
    page.get_by_role("button", name="Record the review").click()
    expect(page.get_by_text("The review was recorded")).to_be_visible()
    assert PlanReview.objects.get().progress.get().status == "on_track"

    page.goto(f"/children/{child.pk}/episodes/{episode.pk}/")
    page.get_by_role("link", name="Close the episode or step down to early help").click()
    choose(page, "What do you propose?", "Close the episode")
    page.get_by_label("Reason for closure").select_option("RC7")
    page.get_by_label("Evaluation of risk").fill("Low: arguments have stopped; school sees her every day.")
    axe_check(page, "propose closure")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Close the episode")
    axe_check(page, "closure proposal")

    switch_user(page, sign_in, manager)
    page.goto(f"/children/{child.pk}/episodes/{episode.pk}/")
    page.get_by_role("link", name=re.compile("Close the episode \\(RC7\\)")).click()
    page.get_by_role("link", name="Decide").click()
    choose(page, "Your decision", "Approve")
    page.get_by_label("Reason for your decision").fill("Plan achieved; the risk evaluation supports closure.")
    axe_check(page, "closure decision")
    page.get_by_role("button", name="Record decision").click()
    expect(page.get_by_role("heading", level=1).locator(".govuk-tag")).to_have_text("Closed")
    axe_check(page, "closed episode")

    page.get_by_role("link", name=f"Chronology for {child.full_name}").click()
    table = page.locator("table.lantern-chronology")
    for title in ("Episode closed", "Child in need plan reviewed", "Child in need plan started",
                  "Child and family assessment authorised", "Referral from Schools"):
        expect(table).to_contain_text(title)
    axe_check(page, "chronology")
    screenshot(page, "cin-03-chronology")

    episode.refresh_from_db()
    assert (episode.closure_date, episode.closure_reason) == (today, "RC7")
    assert CinPlan.objects.get().end_date == today
    assert AuditEvent.objects.filter(child_id=child.pk, object_type="closure", actor=manager).exists()
    assert page.js_errors == []
