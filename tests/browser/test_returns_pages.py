"""The returns' newer parts in a real browser, on a laptop and on a phone: the performance dashboard
and a drill-down, the Ofsted Annex A workbook, and the partnership compendium with its PDF. axe-core
checks every page against WCAG 2.2 AA (tests/browser/conftest.py)."""

from datetime import date

import pytest

from lantern.accounts.roles import Role
from lantern.returns.cin_census.years import current_collection_year
from lantern.returns.tests import casework as cw
from lantern.testing.factories import TeamFactory, UserFactory

expect = pytest.importorskip("playwright.sync_api").expect
pytestmark = pytest.mark.browser


@pytest.fixture
def analyst(transactional_db):
    team = TeamFactory(name="Brindleford South assessment team")
    worker = UserFactory(role=Role.SOCIAL_WORKER, team=team, first_name="Ada", last_name="Nwosu")
    child = cw.census_child(team, worker, first_name="Tobi", last_name="Greaves")
    cw.episode(child, worker, referral=current_collection_year(date.today()).start)
    return UserFactory(role=Role.PERFORMANCE_ANALYST, team=team, first_name="Lee", last_name="Harper")


def test_analyst_reads_the_dashboard_and_makes_the_annex_a_workbook(page, analyst, sign_in, axe_check, screenshot):
    sign_in(page, analyst)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Performance").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Performance")
    axe_check(page, "performance dashboard")
    screenshot(page, "returns-01-dashboard")
    page.goto("/performance/caseloads/children/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    axe_check(page, "performance drill-down")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Ofsted Annex A").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ofsted Annex A")
    axe_check(page, "annex a form")
    page.get_by_role("button", name="Make the workbook").click()
    expect(page.get_by_role("link", name="Download the workbook (.xlsx)")).to_be_visible()
    axe_check(page, "annex a workbook ready")


def test_partnership_compendium_and_its_pdf_on_a_phone(phone_page, analyst, sign_in, axe_check, screenshot):
    page = phone_page
    sign_in(page, analyst)
    page.goto("/partnership/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Safeguarding partnership data compendium")
    axe_check(page, "partnership compendium on a phone")
    screenshot(page, "returns-02-partnership-phone")
    page.get_by_role("button", name="Make a PDF of these figures for the board").click()
    expect(page.get_by_role("link", name="Download the PDF")).to_be_visible()
    axe_check(page, "partnership pdf ready")
