"""Browser tests: Debian's chromium driven by Playwright against pytest-django's live server.

Every test marked ``browser`` is skipped, with the reason in the ``-ra`` summary, when the chromium
binary is missing. Set ``LANTERN_CHROMIUM`` to use a chromium somewhere else.

Playwright's sync API keeps an event loop running in the main thread; Django's ORM refuses to run
while a loop is running unless DJANGO_ALLOW_ASYNC_UNSAFE is set, and the tests create their data
with the factories in that same thread, so it is set here, before Playwright is first used.
"""

import os
import re
from pathlib import Path

import pytest
from django.db import connection

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PASSWORD = "correct-horse-battery"  # UserFactory's password
SCREENSHOT_DIR = Path(__file__).resolve().parents[2] / "test-results"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
HOME_URL = re.compile(r"^https?://[^/]+/$")


def chromium_path() -> str:
    return os.environ.get("LANTERN_CHROMIUM") or DEFAULT_CHROMIUM


def chromium_missing_reason() -> str | None:
    path = chromium_path()
    if os.path.isfile(path) and os.access(path, os.X_OK):
        return None
    reason = f"Browser tests skipped: Debian's chromium is not installed at {path} (apt-get install chromium)"
    if os.environ.get("LANTERN_CHROMIUM"):
        reason += " [path from LANTERN_CHROMIUM]"
    return reason


def pytest_collection_modifyitems(config, items):
    reason = chromium_missing_reason()
    if reason is None:
        return
    if os.environ.get("LANTERN_REQUIRE_BROWSER") and any(i.get_closest_marker("browser") for i in items):
        # CI must run the browser tests; a silent skip there would hide a broken install step.
        raise pytest.UsageError(reason.replace("skipped", "cannot run") + " and LANTERN_REQUIRE_BROWSER is set")
    skip = pytest.mark.skip(reason=reason)
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(skip)


# --- The server and its database -------------------------------------------------------------


@pytest.fixture
def site(live_server, transactional_db):
    """The live server's base URL, with the audit trail's SQLite guard opened for the flush.

    The audit table refuses DELETE on SQLite unless ``audit_log_purge_window`` holds a row, and
    pytest-django empties the database after each transactional test with DELETE. This teardown
    runs before that flush (it depends on ``transactional_db``); the post_migrate signal that
    follows the flush closes the window again. PostgreSQL's flush uses TRUNCATE, which the
    trigger allows, so nothing is needed there."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM audit_log_purge_window")
            assert cursor.fetchone()[0] == 0, "the audit trail's purge window was left open: DELETE is not refused"
    yield live_server.url
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO audit_log_purge_window (opened) VALUES (1)")


# --- The browser --------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


# Lantern's stylesheet needs no fonts and serves its images from /static/, but MOJ Frontend's
# compiled CSS still names /assets/images/* for components Lantern does not use, and a browser may
# ask for /favicon.ico. Answered by Django, each of these 404s runs
# the whole middleware stack and saves the session (SESSION_SAVE_EVERY_REQUEST) at the same moment
# as the page's own request; on the in-memory SQLite test database, whose one connection the live
# server's threads share, that race fails with "database table is locked" and, now and then, a 500.
# They are answered with a 404 inside the browser instead, and noted on ``page.missing_assets``.
NOT_SERVED = re.compile(r"^https?://[^/]+/(assets/|favicon\.ico)")


def _new_page(browser, base_url, **context_options):
    context = browser.new_context(base_url=base_url, locale="en-GB", timezone_id="Europe/London",
                                  **context_options)
    context.set_default_timeout(10_000)
    missing: list[str] = []

    def not_served(route):
        missing.append(route.request.url)
        route.fulfill(status=404, body="")

    context.route(NOT_SERVED, not_served)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.js_errors = errors  # type: ignore[attr-defined]
    page.missing_assets = missing  # type: ignore[attr-defined]
    return context, page


@pytest.fixture
def page(browser, site):
    """A desktop-sized page (1280×800) in a fresh context: no cookies shared between tests."""
    context, page = _new_page(browser, site, viewport=DESKTOP)
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, site):
    """A phone-sized page (390×844, touch, mobile viewport meta honoured) in a fresh context."""
    context, page = _new_page(browser, site, viewport=PHONE, is_mobile=True, has_touch=True,
                              device_scale_factor=2)
    yield page
    context.close()


# --- Helpers ------------------------------------------------------------------------------------


def format_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        targets = [", ".join(t) if isinstance(t, list) else t for node in v["nodes"][:3] for t in node["target"]]
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}\n    {v['helpUrl']}\n    targets: {targets}")
        first = v["nodes"][0] if v["nodes"] else None
        if first:
            lines.append(f"    first: {first['html'][:200]}")
            if first.get("failureSummary"):
                lines.append("    " + first["failureSummary"].replace("\n", "\n    "))
    return "\n".join(lines)


@pytest.fixture
def axe_check(site):
    """``axe_check(page)``: run axe-core's WCAG 2.2 AA rules on the page and fail on any violation."""

    def check(page, label: str = "") -> dict:
        if not page.evaluate("() => typeof window.axe !== 'undefined'"):
            page.add_script_tag(url=f"{site}/static/vendor/axe.min.js")
        results = page.evaluate(
            """async (tags) => {
                const r = await axe.run(document, {runOnly: {type: "tag", values: tags}});
                const brief = (i) => ({id: i.id, impact: i.impact, help: i.help,
                                       targets: i.nodes.slice(0, 3).map((n) => n.target)});
                return {violations: r.violations, passes: r.passes.length, incomplete: r.incomplete.map(brief),
                        version: axe.version};
            }""",
            AXE_TAGS,
        )
        violations = results["violations"]
        where = label or page.url
        # Shown with the output of a failing test: what axe could not decide needs a person to check.
        print(f"axe {results['version']} on {where}: {results['passes']} rules passed, "
              f"{len(violations)} violated, needs review: {results['incomplete']}")
        if violations:
            report = f"{len(violations)} accessibility violation(s) on {where}:\n{format_violations(violations)}"
            print(report)
            raise AssertionError(report)
        return results

    return check


@pytest.fixture
def sign_in():
    """``sign_in(page, user)``: sign in through the form at /sign-in/ and wait for the home page."""

    def do(page, user, password: str = PASSWORD, *, on_sign_in_page=None):
        page.goto("/sign-in/")
        if on_sign_in_page:
            on_sign_in_page(page)
        page.get_by_label("Username").fill(user.username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(HOME_URL)
        return page

    return do


@pytest.fixture
def screenshot():
    """``screenshot(page, name)``: keep a full-page PNG in test-results/ for people to look at."""
    SCREENSHOT_DIR.mkdir(exist_ok=True)

    def shoot(page, name: str) -> Path:
        path = SCREENSHOT_DIR / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return shoot
