"""The CIN census in a real browser: the analyst checks the whole authority, follows a rule to the
child, and a social worker sees on the child's summary which rule the record will fail. axe-core
checks every page against WCAG 2.2 AA, with the browser fixtures of tests/browser/conftest.py."""

import re
from datetime import date

import pytest

from lantern.accounts.roles import Role
from lantern.returns.cin_census.years import current_collection_year
from lantern.returns.tests import casework as cw
from lantern.testing.factories import TeamFactory, UserFactory

expect = pytest.importorskip("playwright.sync_api").expect
pytestmark = pytest.mark.browser


@pytest.fixture
def people(transactional_db):
    team = TeamFactory(name="Brindleford North assessment team")
    worker = UserFactory(role=Role.SOCIAL_WORKER, team=team, first_name="Sam", last_name="Okafor")
    analyst = UserFactory(role=Role.PERFORMANCE_ANALYST, team=team, first_name="Priya", last_name="Shah")
    child = cw.census_child(team, worker, first_name="Kofi", last_name="Marlowe")
    cw.episode(child, worker, referral=current_collection_year(date.today()).start, primary_need="")
    return worker, analyst, child


def test_analyst_checks_the_census_and_finds_the_child(page, people, sign_in, axe_check, screenshot):
    _, analyst, child = people
    sign_in(page, analyst)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="CIN census").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Children in need census")
    axe_check(page, "census page")
    page.get_by_role("button", name="Check every rule for the whole authority").click()
    expect(page.get_by_text("1 error")).to_be_visible()
    axe_check(page, "census findings")
    screenshot(page, "census-01-findings")
    page.get_by_role("link", name="8610").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Rule 8610")
    axe_check(page, "rule drill-down")
    page.get_by_role("link", name=child.lantern_id).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kofi")


def test_analyst_exports_the_file_and_opens_the_import_page(page, people, sign_in, axe_check):
    _, analyst, _ = people
    sign_in(page, analyst)
    page.goto("/returns/cin-census/")
    page.get_by_role("button", name=re.compile("Export the .* XML file")).click()
    expect(page.get_by_role("link", name="Download the XML file")).to_be_visible()
    expect(page.get_by_text("The Department for Education will not accept a return with errors")).to_be_visible()
    axe_check(page, "export")
    page.goto("/returns/cin-census/")
    page.get_by_role("link", name="Import a CIN census XML file").click()
    expect(page.get_by_label("Upload a CIN census XML file")).to_be_visible()
    axe_check(page, "import form")
    page.get_by_role("button", name="Check and import").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select a CIN census XML file")
    axe_check(page, "import form with an error")


def test_the_worker_sees_the_failing_rule_on_the_childs_summary_on_a_phone(phone_page, people, sign_in, axe_check):
    worker, _, child = people
    sign_in(phone_page, worker)
    phone_page.goto(f"/children/{child.pk}/")
    expect(phone_page.locator("#census-issues")).to_contain_text("This record will fail census rule 8610")
    axe_check(phone_page, "child summary with census findings")
