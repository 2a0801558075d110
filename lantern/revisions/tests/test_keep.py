"""The shared keeper of replaced text: it keeps only text a save really replaced, only inside the
save's transaction, and the stale check refuses a version someone has moved on."""

import pytest
from django.db import transaction

from lantern.people.models import Person
from lantern.revisions.models import Revision
from lantern.revisions.selectors import earlier_versions, earlier_versions_of
from lantern.revisions.services import keep_replaced, text_at_version
from lantern.service_layer.concurrency import ConcurrentEditError

pytestmark = pytest.mark.django_db


def _keep(actor, before, after, record_id=1):
    return keep_replaced(actor=actor, record_type="example", record_id=record_id, child_id=None, version=3,
                         before=before, after=after, labels={"notes": "Notes"})


def test_only_text_that_was_replaced_is_kept(social_worker):
    with transaction.atomic():
        kept = _keep(social_worker, {"notes": "Old words", "blank": "", "same": "Same"},
                     {"notes": "New words", "blank": "Filled in", "same": "Same"})
    assert [(k.field, k.text, k.label, k.version) for k in kept] == [("notes", "Old words", "Notes", 3)]
    with transaction.atomic():
        _keep(social_worker, {"notes": "Other"}, {"notes": ""}, record_id=2)  # cleared text is kept too
    assert [r.text for r in earlier_versions("example", 2)] == ["Other"]
    assert set(earlier_versions_of("example", [1, 2, 3])) == {1, 2}


@pytest.mark.django_db(transaction=True)  # the test itself outside any transaction
def test_keeping_outside_the_saves_transaction_is_refused(social_worker):
    with pytest.raises(RuntimeError):
        _keep(social_worker, {"notes": "Old"}, {"notes": "New"})
    assert not Revision.objects.exists()


def test_a_stale_version_is_refused_and_the_current_text_is_read_locked(child):
    with transaction.atomic():
        assert text_at_version(Person, child.pk, child.version, ("first_name",)) == {
            "first_name": child.first_name}
        with pytest.raises(ConcurrentEditError, match="Someone else saved changes to this child's record"):
            text_at_version(Person, child.pk, child.version + 1, ("first_name",), what="this child's record")
