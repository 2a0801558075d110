"""Screening notes rewritten keep what they said before: a stale save is refused (a page error that
keeps the typed notes, 409 in the API) and the earlier notes are shown as "Earlier versions"."""

import pytest

from lantern.accounts.roles import Role
from lantern.frontdoor.services import screening_notes_save
from lantern.frontdoor.testing import received_contact
from lantern.revisions.selectors import earlier_versions
from lantern.service_layer.concurrency import ConcurrentEditError
from lantern.testing.api import bearer
from lantern.testing.factories import UserFactory

pytestmark = pytest.mark.django_db

FIRST = "Police check: two call-outs in March. School says attendance has dropped."
SECOND = "Police check: two call-outs in March and one in May. Health visitor has concerns too."


@pytest.fixture
def colleague(screener):
    return UserFactory(role=Role.FRONT_DOOR_SCREENER, team=screener.team)


def test_screening_notes_rewritten_keep_the_first_notes_and_a_stale_save_is_refused(screener, colleague, child):
    contact = received_contact(screener, child)
    opened = contact.version
    saved = screening_notes_save(actor=screener, contact=contact, expected_version=opened, notes=FIRST)
    with pytest.raises(ConcurrentEditError):
        screening_notes_save(actor=colleague, contact=saved, expected_version=opened, notes=SECOND)
    read = saved.version
    screening_notes_save(actor=colleague, contact=saved, expected_version=read, notes=SECOND)
    kept = earlier_versions("contact", contact.pk)
    assert [(k.field, k.text, k.version, k.written_by, k.replaced_by, k.child_id) for k in kept] == [
        ("screening_notes", FIRST, read, screener, colleague, child.pk)]


def test_screening_notes_through_the_api_take_a_version_and_the_read_shows_earlier_versions(
        client, screener, colleague, child):
    contact = received_contact(screener, child)
    url = f"/api/v1/frontdoor/contacts/{contact.pk}/screening-notes"
    first = client.post(url, {"notes": FIRST, "version": contact.version}, content_type="application/json",
                        **bearer(screener))
    assert first.status_code == 200 and first.json()["screening_notes"] == FIRST
    stale = client.post(url, {"notes": SECOND, "version": contact.version}, content_type="application/json",
                        **bearer(colleague))
    assert stale.status_code == 409
    client.post(url, {"notes": SECOND, "version": first.json()["version"]}, content_type="application/json",
                **bearer(colleague))
    read = client.get(f"/api/v1/frontdoor/contacts/{contact.pk}", **bearer(screener)).json()
    assert read["screening_notes"] == SECOND
    assert [(r["text"], r["replaced_by_id"]) for r in read["earlier_versions"]] == [(FIRST, colleague.pk)]


def test_a_stale_screening_notes_page_keeps_the_typed_notes_and_shows_earlier_versions(
        client, screener, colleague, child):
    contact = received_contact(screener, child)
    url = f"/front-door/contacts/{contact.pk}/"
    client.force_login(screener)
    assert client.post(url, {"screening_notes": FIRST, "version": contact.version}).status_code == 302
    client.force_login(colleague)
    page = client.post(url, {"screening_notes": SECOND, "version": contact.version}).content.decode()
    assert "Someone else saved changes" in page and SECOND in page
    assert client.post(url, {"screening_notes": SECOND, "version": contact.version + 1}).status_code == 302
    page = client.get(url).content.decode()
    assert "Earlier versions" in page and FIRST in page


def test_a_threshold_levels_replaced_words_are_kept_and_shown(client, make_user, screener):
    from lantern.frontdoor.models import ThresholdLevel

    manager = make_user(Role.SERVICE_MANAGER)
    level = ThresholdLevel.objects.get(name="Early help")
    old_examples = level.examples
    client.force_login(manager)
    url = f"/front-door/settings/levels/{level.pk}/"
    assert client.post(url, {"name": level.name, "order": level.order, "descriptor": level.descriptor,
                             "examples": "One\nTwo", "allowed_outcomes": level.allowed_outcomes, "is_active": "on",
                             "version": level.version}).status_code == 302
    kept = earlier_versions("threshold_level", level.pk)
    assert [(k.field, k.text, k.version, k.child_id) for k in kept] == [("examples", old_examples, level.version, None)]
    assert "Earlier versions" in client.get(url).content.decode()
    read = client.get("/api/v1/frontdoor/thresholds", **bearer(screener)).json()["items"]
    assert [r["text"] for t in read if t["id"] == level.pk for r in t["earlier_versions"]] == [old_examples]


def test_a_threshold_level_through_the_api_takes_a_version_and_keeps_the_words_it_replaces(client, make_user):
    from lantern.frontdoor.models import ThresholdLevel

    manager = make_user(Role.SERVICE_MANAGER)
    level = ThresholdLevel.objects.get(name="Early help")
    body = {"name": level.name, "order": level.order, "descriptor": "Needs a little help, early.",
            "examples": ["One", "Two"], "allowed_outcomes": level.allowed_outcomes, "version": level.version}
    url = f"/api/v1/frontdoor/thresholds/{level.pk}"
    done = client.put(url, body, content_type="application/json", **bearer(manager))
    assert done.status_code == 200 and done.json()["version"] == level.version + 1
    assert {r["field"] for r in done.json()["earlier_versions"]} == {"descriptor", "examples"}
    stale = client.put(url, body, content_type="application/json", **bearer(manager))
    assert stale.status_code == 409
