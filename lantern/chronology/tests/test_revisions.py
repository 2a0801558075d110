"""A significance note rewritten or removed keeps what it said, and a stale mark is refused: the note
is text a worker wrote about the child, so it is never silently lost."""

import pytest

from lantern.accounts.models import ApiToken
from lantern.chronology.services import event_significance_set
from lantern.revisions.selectors import earlier_versions
from lantern.service_layer.concurrency import ConcurrentEditError
from lantern.testing.factories import UserFactory

from .test_chronology import journey  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db
FIRST = "First referral from school"


def _mark(actor, child, key, version, note="", significant=True):
    return event_significance_set(actor=actor, child=child, key=key, significant=significant, note=note,
                                  expected_version=version)


def test_a_rewritten_or_removed_note_is_kept_and_a_stale_mark_is_refused(child, social_worker, journey):  # noqa: F811
    e, _ = journey
    key = f"episode:{e.pk}"
    colleague = UserFactory(role=social_worker.role, team=social_worker.team)
    mark = _mark(social_worker, child, key, 0, FIRST)
    with pytest.raises(ConcurrentEditError):
        _mark(colleague, child, key, 0, "Opened at the same time")
    mark = _mark(colleague, child, key, mark.version, "Referral after the school's second concern")
    _mark(social_worker, child, key, mark.version, significant=False)
    kept = earlier_versions("chronology_note", child.pk)
    assert [(k.field, k.text, k.replaced_by) for k in kept] == [
        (key, "Referral after the school's second concern", social_worker), (key, FIRST, colleague)]


def test_the_page_and_api_take_a_version_and_show_earlier_notes(client, child, social_worker, journey):  # noqa: F811
    e, _ = journey
    key = f"episode:{e.pk}"
    url = f"/children/{child.pk}/chronology/significance/?key={key}"
    client.force_login(social_worker)
    assert client.post(url, {"significant": "yes", "note": FIRST, "version": 0}).status_code == 302
    stale = client.post(url, {"significant": "yes", "note": "Typed on an old page", "version": 0}).content.decode()
    assert "Someone else" in stale and "Typed on an old page" in stale
    assert client.post(url, {"significant": "yes", "note": "Second thoughts", "version": 1}).status_code == 302
    assert "Earlier versions" in client.get(url).content.decode() and FIRST in client.get(url).content.decode()
    token = f"chronology-{social_worker.pk}"
    ApiToken.objects.create(user=social_worker, name="t", key_hash=ApiToken.hash_key(token), prefix=token[:8])
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    api = f"/api/v1/children/{child.pk}/chronology/significance"
    refused = client.post(api, {"key": key, "significant": True, "note": "x", "version": 1},
                          content_type="application/json", **headers)
    assert refused.status_code == 409
    rows = client.get(f"/api/v1/children/{child.pk}/chronology", **headers).json()["items"]
    row = next(r for r in rows if r["key"] == key)
    assert row["version"] == 2 and [v["text"] for v in row["earlier_versions"]] == [FIRST]
