"""A social worker's journeys through a child's record, in a real browser, with axe-core checking
every page against WCAG 2.2 AA. Screenshots of the main pages are kept in test-results/."""

import re
from datetime import date

import pytest

from lantern.access.models import BreakGlassAccess, NamedAccess
from lantern.accounts.roles import Role
from lantern.audit_log.models import Action, AuditEvent
from lantern.people.models import Person, Relationship
from lantern.testing.factories import AgencyFactory, ChildFactory, TeamFactory, UserFactory

expect = pytest.importorskip("playwright.sync_api").expect

pytestmark = pytest.mark.browser

CHILD_URL = re.compile(r"/children/(\d+)/$")
SEARCH_LABEL = "Name, date of birth, NHS number, UPN or Lantern ID"


def nav_link(page, name):
    """A link in the GOV.UK service navigation (the home page repeats them under 'Go to')."""
    return page.get_by_role("navigation", name="Menu").get_by_role("link", name=name, exact=True)


def no_horizontal_overflow(page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.fixture
def team(transactional_db):
    return TeamFactory(name="Brindleford North assessment team")


@pytest.fixture
def social_worker(team):
    return UserFactory(role=Role.SOCIAL_WORKER, team=team, first_name="Sam", last_name="Okafor")


@pytest.fixture
def jonathan(team, social_worker):
    """An allocated child, among a few others the search must not put first."""
    ChildFactory(first_name="Jonah", last_name="Brook", date_of_birth=date(2014, 1, 9), current_team=team)
    ChildFactory(first_name="Kayla", last_name="Smith", date_of_birth=date(2015, 3, 14), current_team=team)
    AgencyFactory(name="Oakfield Primary School")
    return ChildFactory(first_name="Jonathan", last_name="Brookfield", date_of_birth=date(2015, 3, 14), sex="M",
                        current_team=team, current_worker=social_worker)


def test_social_worker_finds_a_child_by_a_misspelt_name_and_adds_his_father(
        page, social_worker, jonathan, sign_in, axe_check, screenshot):
    # Sign in: the sign-in page itself is checked before the form is filled.
    def check_sign_in_page(page):
        expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to Lantern")
        axe_check(page, "sign-in")
        screenshot(page, "00-sign-in")

    sign_in(page, social_worker, on_sign_in_page=check_sign_in_page)
    expect(page).to_have_title(re.compile(r"^Home – Lantern"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello, Sam")
    expect(page.get_by_text("Signed in as")).to_contain_text("Sam Okafor")
    expect(page.get_by_role("link", name="Jonathan Brookfield")).to_be_visible()
    axe_check(page, "home")
    screenshot(page, "01-home")

    # Search with both names misspelt.
    nav_link(page, "Find a child").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Find a child")
    page.get_by_label(SEARCH_LABEL).fill("jonathon brookfeild")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/children/\?q=jonathon\+brookfeild$"))
    expect(page.locator("#results-heading")).to_have_text(re.compile(r"^\d+ child(ren)? found$"))
    results = page.get_by_role("table", name=re.compile(r"found$"))
    first_row = results.get_by_role("row").nth(1)
    expect(first_row.get_by_role("link")).to_have_text("Jonathan Brookfield")
    expect(first_row).to_contain_text("14 Mar 2015")
    expect(first_row).to_contain_text(jonathan.lantern_id)
    axe_check(page, "search results")
    screenshot(page, "02-search-results")

    # The child's summary.
    first_row.get_by_role("link", name="Jonathan Brookfield").click()
    expect(page).to_have_url(re.compile(rf"/children/{jonathan.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Jonathan Brookfield")
    expect(page.get_by_text("No family or household members are recorded.")).to_be_visible()
    axe_check(page, "child summary")
    screenshot(page, "03-child-summary")

    # The family member form, first sent empty.
    relationships_before, people_before = Relationship.objects.count(), Person.objects.count()
    page.get_by_role("link", name="Add a family or household member").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a family or household member")
    page.get_by_role("button", name="Save").click()

    expect(page).to_have_title(re.compile(r"^Error: Add a family or household member"))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary.get_by_role("heading", level=2)).to_have_text("There is a problem")
    expect(summary).to_be_focused()  # GOV.UK Frontend moves focus to the summary on load
    expected_errors = {
        "Enter the first name": "#id_first_name",
        "Enter the last name": "#id_last_name",
        "Select the relationship to the child": "#id_relationship_type",
    }
    links = summary.get_by_role("link")
    expect(links).to_have_count(len(expected_errors))
    for message, anchor in expected_errors.items():
        expect(summary.get_by_role("link", name=message)).to_have_attribute("href", anchor)
        # The inline message sits in the field's group, and the field points at it for screen readers.
        field = page.locator(anchor)
        group = page.locator(".govuk-form-group--error", has=field)
        expect(group.locator(".govuk-error-message")).to_have_text(f"Error: {message}")
        error_id = group.locator(".govuk-error-message").get_attribute("id")
        expect(field).to_have_attribute("aria-describedby", re.compile(rf"\b{error_id}\b"))
    # A link in the summary takes the keyboard to the field.
    summary.get_by_role("link", name="Enter the last name").click()
    expect(page.locator("#id_last_name")).to_be_focused()
    assert Relationship.objects.count() == relationships_before
    assert Person.objects.count() == people_before
    axe_check(page, "family member form with errors")
    screenshot(page, "04-family-member-errors")

    # Filled in properly.
    page.get_by_label("First name").fill("Daniel")
    page.get_by_label("Last name").fill("Brookfield")
    date_of_birth = page.get_by_role("group", name="Date of birth", exact=True)
    date_of_birth.get_by_label("Day").fill("14")
    date_of_birth.get_by_label("Month").fill("8")
    date_of_birth.get_by_label("Year").fill("1990")
    page.get_by_role("group", name="Sex").get_by_label("Male", exact=True).check()
    page.get_by_label("Relationship to the child").select_option(label="Father")
    page.get_by_label("Lives in the child's household").check()
    page.get_by_role("button", name="Save").click()

    expect(page).to_have_url(re.compile(rf"/children/{jonathan.pk}/$"))
    banner = page.locator(".govuk-notification-banner--success")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("The family member was added")
    family = page.get_by_role("table", name="Family and household members")
    father = family.get_by_role("row", name=re.compile("Daniel Brookfield"))
    expect(father).to_contain_text("Father")
    expect(father.locator(".govuk-tag")).to_have_text("Male carer")
    expect(father).to_contain_text("14 Aug 1990")
    expect(father).to_contain_text("Lives with the child")
    axe_check(page, "child summary after adding the father")
    screenshot(page, "05-child-summary-with-father")

    relationship = Relationship.objects.get(child=jonathan)
    assert relationship.relationship_type == "father"
    assert relationship.lives_with_child is True
    assert relationship.relative.date_of_birth == date(1990, 8, 14)
    assert relationship.relative.is_child_record is False

    # The audit trail kept the search (without the words typed), every view, and the new relationship.
    mine = AuditEvent.objects.filter(actor=social_worker)
    search = mine.get(action=Action.SEARCH)
    assert search.detail.startswith("by name;")
    assert "jonathon" not in search.detail.lower() and "brookfeild" not in search.detail.lower()
    assert mine.filter(action=Action.LIST, detail__startswith="home page: ").exists()
    views = mine.filter(action=Action.VIEW, object_type="person", child_id=jonathan.pk)
    assert views.count() == 2  # the summary before and after the save
    created = mine.get(action=Action.CREATE, object_type="relationship")
    assert created.child_id == jonathan.pk
    assert created.object_id == str(relationship.pk)
    assert created.via == "web"
    assert page.js_errors == []


def test_recording_a_child_shows_likely_duplicates_first(page, team, social_worker, sign_in, axe_check, screenshot):
    existing = ChildFactory(first_name="Ruby", last_name="Marlowe", date_of_birth=date(2019, 6, 2), current_team=team)
    sign_in(page, social_worker)

    nav_link(page, "Record a child").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record a new child")
    axe_check(page, "record a child")
    page.get_by_label("First name").fill("Ruby")
    page.get_by_label("Last name").fill("Marlowe")
    date_of_birth = page.get_by_role("group", name="Date of birth", exact=True)
    date_of_birth.get_by_label("Day").fill("2")
    date_of_birth.get_by_label("Month").fill("6")
    date_of_birth.get_by_label("Year").fill("2019")
    page.get_by_role("group", name="Sex").get_by_label("Female", exact=True).check()
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", name="This child may already have a record")).to_be_visible()
    matches = page.get_by_role("table", name="Possible matches")
    expect(matches.get_by_role("link", name="Ruby Marlowe")).to_have_attribute("href", f"/children/{existing.pk}/")
    expect(matches).to_contain_text(existing.lantern_id)
    # What was typed is kept, and nothing has been created yet.
    expect(page.get_by_label("First name")).to_have_value("Ruby")
    expect(page.get_by_role("group", name="Date of birth", exact=True).get_by_label("Year")).to_have_value("2019")
    assert Person.objects.filter(is_child_record=True, first_name="Ruby").count() == 1
    axe_check(page, "possible duplicates")
    screenshot(page, "06-record-child-possible-duplicates")

    page.get_by_role("button", name="None of these: create a new record").click()
    expect(page).to_have_url(CHILD_URL)
    new_pk = int(CHILD_URL.search(page.url).group(1))
    assert new_pk != existing.pk
    created = Person.objects.get(pk=new_pk)
    expect(page.get_by_role("heading", level=1)).to_have_text("Ruby Marlowe")
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        f"Ruby Marlowe's record was created ({created.lantern_id})")
    expect(page.get_by_role("heading", level=1).locator("xpath=preceding-sibling::span[1]")).to_have_text(
        f"Lantern ID {created.lantern_id}")
    assert created.date_of_birth == date(2019, 6, 2)
    assert created.current_team == team
    axe_check(page, "new child's summary")
    screenshot(page, "07-new-child-summary")

    mine = AuditEvent.objects.filter(actor=social_worker)
    assert mine.get(action=Action.DUPLICATE_CHECK).detail == "1 possible matches shown"
    assert mine.filter(action=Action.CREATE, object_type="person", child_id=new_pk).count() == 1
    assert page.js_errors == []


def test_a_phone_can_sign_in_search_and_read_a_summary(phone_page, social_worker, jonathan, sign_in, axe_check,
                                                        screenshot):
    page = phone_page
    sign_in(page, social_worker)
    assert no_horizontal_overflow(page), "the home page scrolls sideways on a phone"

    # The service navigation collapses behind a Menu button.
    menu = page.get_by_role("button", name="Menu")
    expect(menu).to_be_visible()
    expect(menu).to_have_attribute("aria-expanded", "false")
    find = nav_link(page, "Find a child")
    expect(find).to_be_hidden()
    axe_check(page, "home on a phone")
    screenshot(page, "08-phone-home")
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(find).to_be_visible()
    screenshot(page, "09-phone-menu-open")
    find.click()

    page.get_by_label(SEARCH_LABEL).fill("jonathon brookfeild")
    page.get_by_role("button", name="Search").click()
    results = page.get_by_role("table", name=re.compile(r"found$"))
    expect(results.get_by_role("row").nth(1).get_by_role("link")).to_have_text("Jonathan Brookfield")
    assert no_horizontal_overflow(page), "the search results scroll sideways on a phone"
    axe_check(page, "search results on a phone")

    results.get_by_role("link", name="Jonathan Brookfield").tap()
    expect(page.get_by_role("heading", level=1)).to_have_text("Jonathan Brookfield")
    expect(page.get_by_role("heading", name="Family and household")).to_be_visible()
    assert no_horizontal_overflow(page), "the child's summary scrolls sideways on a phone"
    axe_check(page, "child summary on a phone")
    screenshot(page, "10-phone-child-summary")
    assert page.js_errors == []


def test_a_restricted_record_needs_a_reason_to_break_the_glass(page, team, social_worker, sign_in, axe_check,
                                                              screenshot):
    manager = UserFactory(role=Role.TEAM_MANAGER, team=team)
    child = ChildFactory(first_name="Oliwia", last_name="Quenby", date_of_birth=date(2012, 11, 30), current_team=team,
                         is_restricted=True)
    NamedAccess.objects.create(child=child, user=manager, granted_by=manager)
    sign_in(page, social_worker)

    response = page.goto(f"/children/{child.pk}/")
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("This record is restricted")
    expect(page.get_by_role("main")).not_to_contain_text("Oliwia")  # not even the name is shown
    axe_check(page, "restricted record")
    screenshot(page, "11-restricted-record")

    reason_box = page.get_by_label("Why do you need to open this record now?")
    reason_box.fill("Urgent")
    page.get_by_role("button", name="Open the record with break-glass access").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Give a fuller reason (at least 20 characters)")
    assert not BreakGlassAccess.objects.exists()
    axe_check(page, "restricted record with an error")

    reason = "Police have asked for the child's address during a strategy discussion tonight."
    page.get_by_label("Why do you need to open this record now?").fill(reason)
    page.get_by_role("button", name="Open the record with break-glass access").click()

    expect(page).to_have_url(re.compile(rf"/children/{child.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Oliwia Quenby")
    expect(page.get_by_role("heading", level=1).locator(".govuk-tag")).to_have_text("Restricted")
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Break-glass access is open until")
    axe_check(page, "restricted record opened with break-glass")
    screenshot(page, "12-restricted-record-after-break-glass")

    access = BreakGlassAccess.objects.get(child=child, user=social_worker)
    assert access.reason == reason
    assert access.reviewed_at is None
    mine = AuditEvent.objects.filter(actor=social_worker, child_id=child.pk)
    assert mine.filter(action=Action.DENIED, detail="restricted record").exists()
    assert mine.filter(action=Action.BREAK_GLASS).count() == 1
    assert mine.get(action=Action.VIEW).detail.startswith("summary; basis: break-glass until")

    # Break-glass reads; changing the record asks for a reason of its own first, then carries on.
    page.get_by_role("link", name="Change details").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Give your reason to change this record")
    page.get_by_role("button", name="Record my reason and continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter why you need to change this record")
    axe_check(page, "reason to change under break-glass, with an error")
    page.get_by_label("Why do you need to change this record?").fill("The police gave her new address tonight.")
    page.get_by_role("button", name="Record my reason and continue").click()
    expect(page).to_have_url(re.compile(rf"/children/{child.pk}/edit/$"))
    access.refresh_from_db()
    assert access.write_reason == "The police gave her new address tonight."
    assert page.js_errors == []

    # The manager named on the record is told, on their home page.
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, manager)
    banner = page.locator(".govuk-notification-banner")
    expect(banner).to_contain_text("opened the record with break-glass access")
    expect(banner).to_contain_text("gave a reason to change the record")
    axe_check(page, "home with break-glass notices")
    page.get_by_role("button", name="Mark these as read").click()
    expect(page.locator(".govuk-notification-banner")).to_have_count(0)


def test_the_accessibility_check_itself_catches_a_violation(page, axe_check):
    """Guards the guard: a page with a known WCAG failure must fail axe_check."""
    page.goto("/sign-in/")
    page.evaluate("""() => {
        const img = document.createElement("img");
        img.src = "/static/lantern/missing.png";
        document.querySelector("main").append(img);
        document.querySelector("label[for=id_password]").remove();
    }""")
    with pytest.raises(AssertionError) as failure:
        axe_check(page, "sign-in, deliberately broken")
    assert "image-alt (critical)" in str(failure.value)
    assert "label (critical)" in str(failure.value)
    assert "targets: ['img']" in str(failure.value)
