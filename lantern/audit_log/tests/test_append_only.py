import pytest
from django.db import DatabaseError, connection, transaction

from lantern.audit_log.models import AuditEvent
from lantern.audit_log.services import audit_record


@pytest.fixture
def event(social_worker, child):
    return audit_record(actor=social_worker, action="view", object_type="person", object_id=child.pk,
                        child_id=child.pk)


def test_the_database_refuses_to_change_an_audit_row(event):
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(detail="rewritten")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_log_auditevent SET actor_role = 'x'")
    event.refresh_from_db()
    assert event.detail == "" and event.actor_role != "x"


def test_the_database_refuses_to_delete_an_audit_row(event):
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_an_audit_row_records_who_when_what_and_role(event, social_worker, child):
    assert event.actor == social_worker
    assert event.actor_role == "social_worker"
    assert event.child_id == child.pk
    assert event.at.utcoffset().total_seconds() == 0


def test_an_audit_row_rolls_back_with_the_change_it_describes(social_worker, child):
    before = AuditEvent.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        audit_record(actor=social_worker, action="update", object_type="person", child_id=child.pk)
        raise RuntimeError("the change failed after the audit row was written")
    assert AuditEvent.objects.count() == before
