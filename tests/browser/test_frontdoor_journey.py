"""The front door in a browser: a partner sends the online referral form, a screener matches the
child and decides, and a manager authorises; the partner then sees the decision. axe-core checks
every page against WCAG 2.2 AA."""

import re
from datetime import date

import pytest

from lantern.accounts.roles import AgencyKind, Role, TeamKind
from lantern.frontdoor.codes import ContactStatus, DecisionStatus
from lantern.frontdoor.default_levels import ensure_default_levels
from lantern.frontdoor.models import Contact
from lantern.testing.factories import AgencyFactory, ChildFactory, PartnerFactory, TeamFactory, UserFactory

expect = pytest.importorskip("playwright.sync_api").expect

pytestmark = pytest.mark.browser


def nav_link(page, name):
    return page.get_by_role("navigation", name="Menu").get_by_role("link", name=name, exact=True)


def continue_(page):
    page.get_by_role("button", name="Continue", exact=True).click()


@pytest.fixture
def front_door(transactional_db):
    ensure_default_levels()
    team = TeamFactory(name="Brindleford front door (MASH)", kind=TeamKind.FRONT_DOOR)
    return {
        "team": team,
        "screener": UserFactory(role=Role.FRONT_DOOR_SCREENER, team=team, first_name="Nadia", last_name="Rahman"),
        "manager": UserFactory(role=Role.TEAM_MANAGER, team=team, first_name="Gareth", last_name="Owusu"),
        "partner": PartnerFactory(first_name="Helen", last_name="Marsh", agency=AgencyFactory(
            name="Oakfield Primary School", kind=AgencyKind.EDUCATION)),
        "child": ChildFactory(first_name="Ruby", last_name="Quenby", date_of_birth=date(2016, 5, 14),
                              current_team=TeamFactory(name="Brindleford North assessment team")),
    }


def partner_sends_the_referral(page, axe_check, screenshot) -> str:
    nav_link(page, "Make a referral").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Make a referral to children's services")
    expect(page.get_by_role("heading", name="Threshold guidance")).to_be_visible()
    axe_check(page, "referral start")
    page.get_by_role("button", name="Start now").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("About you")
    page.get_by_role("button", name="Continue").click()  # empty: the errors come first
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your job title or role")
    axe_check(page, "about you with errors")
    page.get_by_label("Your job title or role").fill("Designated safeguarding lead")
    page.get_by_label("Phone number").fill("0121 496 0000")
    continue_(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("Children")
    axe_check(page, "children (none yet)")
    page.get_by_role("link", name="Add a child").click()
    page.get_by_label("First name").fill("Ruby")
    page.get_by_label("Last name").fill("Quenby")
    born = page.get_by_role("group", name="Date of birth")
    born.get_by_label("Day").fill("14")
    born.get_by_label("Month").fill("5")
    born.get_by_label("Year").fill("2016")
    page.get_by_role("group", name="Sex").get_by_label("Female", exact=True).check()
    axe_check(page, "add a child")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-summary-list")).to_contain_text("Ruby Quenby")
    continue_(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Adults in the household")
    continue_(page)

    page.get_by_label("What are you worried about?").fill("Ruby has come to school hungry every day this week.")
    page.get_by_role("group", name="Is a child at risk of significant harm now?").get_by_label("No").check()
    axe_check(page, "the concern")
    continue_(page)
    page.get_by_label("Early help", exact=True).check()
    axe_check(page, "level of need")
    continue_(page)
    page.get_by_role("group", name=re.compile("discussed this referral")).get_by_label("Yes").check()
    continue_(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers before sending the referral")
    expect(page.get_by_role("main")).to_contain_text("Ruby has come to school hungry")
    axe_check(page, "check your answers")
    screenshot(page, "30-referral-check-answers")
    page.get_by_role("button", name="Send the referral").click()

    panel = page.locator(".govuk-panel--confirmation")
    expect(panel).to_contain_text("Referral sent")
    reference = re.search(r"FD\d{7}", panel.inner_text()).group(0)
    axe_check(page, "confirmation")
    screenshot(page, "31-referral-sent")
    return reference


def screener_matches_and_decides(page, reference, child, axe_check, screenshot) -> None:
    nav_link(page, "Front door").click()
    row = page.get_by_role("row").filter(has_text=reference)
    expect(row).to_contain_text("Ruby Quenby")
    expect(row).to_contain_text("Children not matched")
    axe_check(page, "front door queue")
    screenshot(page, "32-front-door-queue")
    row.get_by_role("link", name=reference).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Screening: Ruby Quenby")
    expect(page.locator("#screening-is-not-assessment")).to_contain_text("It is not an assessment")
    expect(page.get_by_role("link", name=re.compile("visit", re.IGNORECASE))).to_have_count(0)
    axe_check(page, "screening")
    page.get_by_role("link", name=re.compile("Find or create the record")).click()

    matches = page.get_by_role("table", name="Possible matches")
    expect(matches).to_contain_text(child.lantern_id)
    axe_check(page, "possible matches")
    matches.get_by_role("button", name=re.compile("This is the child")).click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("was matched")
    expect(page.get_by_role("main")).to_contain_text("0 in the 12 months before this one")
    page.get_by_role("link", name="Record the decision").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Record the decision")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select the level of need")
    axe_check(page, "decision with errors")
    page.get_by_role("group", name="Level of need").get_by_label("Early help", exact=True).check()
    page.get_by_role("group", name="Decision").get_by_label("Early help", exact=True).check()
    page.get_by_label("Why this level and this decision?").fill("Needs are met by family support with consent.")
    page.get_by_label("Early help service").fill("Family support service, Brindleford North")
    page.get_by_label("What to tell the referrer").fill("The family support service will contact the family.")
    axe_check(page, "decision filled in")
    screenshot(page, "33-decision")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("waiting for a manager")
    axe_check(page, "screening waiting for authorisation")


def manager_authorises(page, reference, axe_check, screenshot) -> None:
    nav_link(page, "Front door").click()
    page.get_by_role("link", name="Manager's oversight").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Front door oversight")
    axe_check(page, "oversight")
    screenshot(page, "34-oversight")
    page.get_by_role("link", name=re.compile(reference)).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Authorise the decision")
    axe_check(page, "authorise")
    page.get_by_role("group", name="Your decision").get_by_label("Authorise the decision").check()
    page.get_by_label("Your comments").fill("Agreed: early help is proportionate.")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("The decision was authorised")
    expect(page.get_by_role("main")).to_contain_text("No decisions are waiting for authorisation.")
    axe_check(page, "oversight after authorising")


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(re.compile(r"/sign-in/"))


def test_partner_refers_screener_decides_manager_authorises(page, front_door, sign_in, axe_check, screenshot):
    sign_in(page, front_door["partner"])
    reference = partner_sends_the_referral(page, axe_check, screenshot)
    contact = Contact.objects.get(pk=int(reference[2:]))
    assert contact.status == ContactStatus.RECEIVED and contact.submitted_by == front_door["partner"]
    sign_out(page)

    sign_in(page, front_door["screener"])
    screener_matches_and_decides(page, reference, front_door["child"], axe_check, screenshot)
    assert contact.decisions.get().status == DecisionStatus.PROPOSED
    sign_out(page)

    sign_in(page, front_door["manager"])
    manager_authorises(page, reference, axe_check, screenshot)
    contact.refresh_from_db()
    assert contact.status == ContactStatus.DECIDED and contact.decisions.get().authorised_by == front_door["manager"]
    sign_out(page)

    sign_in(page, front_door["partner"])
    nav_link(page, "My referrals").click()
    expect(page.get_by_role("row").filter(has_text=reference)).to_contain_text("Decision made")
    page.get_by_role("link", name=reference).click()
    expect(page.get_by_role("main")).to_contain_text("Passed to early help")
    expect(page.get_by_role("main")).not_to_contain_text("proportionate")  # the manager's words stay inside
    axe_check(page, "the partner sees the decision")
    screenshot(page, "35-partner-sees-decision")
    assert page.js_errors == []


def test_a_contact_matched_to_a_restricted_record_points_the_screener_to_its_named_people(
        page, front_door, sign_in, axe_check, screenshot):
    """The queue names no child on such a contact; opening it says who to go to, and break-glass
    opens it, recorded and reviewed."""
    from lantern.access.models import NamedAccess
    from lantern.frontdoor.testing import received_contact

    screener, child = front_door["screener"], front_door["child"]
    contact = received_contact(screener, child, first_name="Ruby", last_name="Quenby")
    holder = UserFactory(role=Role.TEAM_MANAGER, team=child.current_team, first_name="Imogen", last_name="Achebe",
                         email="imogen.achebe@brindleford.example")
    NamedAccess.objects.create(child=child, user=holder, granted_by=holder)
    type(child).objects.filter(pk=child.pk).update(is_restricted=True)

    sign_in(page, screener)
    nav_link(page, "Front door").click()
    row = page.get_by_role("row", name=re.compile(contact.reference))
    expect(row).to_contain_text("A restricted record matched")
    expect(page.get_by_role("main")).not_to_contain_text("Quenby")
    row.get_by_role("link", name=contact.reference).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "This contact is about a child whose record is restricted")
    expect(page.get_by_role("main")).to_contain_text("imogen.achebe@brindleford.example")
    expect(page.get_by_role("main")).not_to_contain_text("Quenby")
    axe_check(page, "contact matched to a restricted record")
    screenshot(page, "frontdoor-restricted-contact")

    page.get_by_role("link", name="open the record with break-glass access").click()
    page.get_by_label("Why do you need to open this record now?").fill(
        "Police are at the address now and need to know who lives there.")
    page.get_by_role("button", name="Open the record with break-glass access").click()
    page.goto(f"/front-door/contacts/{contact.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ruby Quenby")
    assert page.js_errors == []
