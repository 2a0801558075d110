"""The hash-chained audit trail: sealed in order, verified end to end, and every kind of tampering
found by ``manage.py audit_verify``, truncation included (through the anchor file)."""

from datetime import UTC, datetime
from io import StringIO
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from lantern.audit_log.chain import GENESIS, chain_link
from lantern.audit_log.integrity import verify_trail, write_anchor
from lantern.audit_log.models import AuditEvent, AuditEventChild
from lantern.audit_log.sealing import seal_pending
from lantern.audit_log.services import audit_record
from lantern.testing.factories import ChildFactory


@pytest.fixture
def trail(social_worker, child):
    others = [ChildFactory().pk for _ in range(3)]
    rows = [audit_record(actor=social_worker, action="view", object_type="person", object_id=child.pk,
                         child_id=child.pk, detail=f"look {n}") for n in range(4)]
    rows.append(audit_record(actor=social_worker, action="list", object_type="obligations", children=others,
                             changes={"when": datetime(2026, 1, 2, tzinfo=UTC)}, detail="my work"))
    seal_pending()
    return rows


@pytest.fixture
def anchor_file(tmp_path):
    return str(tmp_path / "anchors.jsonl")


def _unguarded(statement: str, params=()) -> None:
    """Change the trail behind the application's back, as someone with the database owner's rights
    could: the guard triggers are dropped (or disabled) inside the test's own transaction only."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_log_auditevent DISABLE TRIGGER USER")
            cursor.execute("ALTER TABLE audit_log_auditeventchild DISABLE TRIGGER USER")
        else:
            for trigger in ("audit_log_no_update", "audit_log_no_delete", "audit_log_child_no_delete"):
                cursor.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        cursor.execute(statement, params)


def _verify(anchor_file) -> tuple[bool, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command("audit_verify", anchor_file=anchor_file, stdout=out, stderr=err)
    except CommandError:
        return False, err.getvalue()
    return True, out.getvalue()


def test_every_row_is_sealed_in_order_and_the_chain_verifies(trail, anchor_file):
    rows = list(AuditEvent.objects.filter(pk__in=[r.pk for r in trail]).order_by("seq"))
    assert all(r.seq and len(r.chain_hash) == 64 and len(r.row_hash) == 64 for r in rows)
    assert [r.seq for r in rows] == list(range(rows[0].seq, rows[0].seq + len(rows)))
    ok, said = _verify(anchor_file)
    assert ok, said
    assert "The audit trail is whole" in said


def test_each_link_follows_from_the_one_before(trail):
    rows = list(AuditEvent.objects.order_by("seq"))
    previous = GENESIS
    for row in rows:
        assert row.chain_hash == chain_link(previous, row.seq, row.pk, row.at, row.row_hash)
        previous = row.chain_hash


def test_a_row_changed_by_hand_is_named_as_the_first_broken_link(trail, anchor_file):
    target = AuditEvent.objects.get(pk=trail[2].pk)
    _unguarded("UPDATE audit_log_auditevent SET detail = %s WHERE id = %s", ["nothing to see", target.pk])
    ok, said = _verify(anchor_file)
    assert not ok
    assert f"row {target.seq} of the chain (audit event {target.pk}" in said and "was changed" in said


def test_a_row_removed_by_hand_breaks_the_chain(trail, anchor_file):
    target = AuditEvent.objects.get(pk=trail[1].pk)
    _unguarded("DELETE FROM audit_log_auditevent WHERE id = %s", [target.pk])
    ok, said = _verify(anchor_file)
    assert not ok and f"jumps from row {target.seq - 1}" in said and "removed" in said


def test_a_child_link_removed_by_hand_is_found(trail, anchor_file):
    listed = trail[-1]
    _unguarded("DELETE FROM audit_log_auditeventchild WHERE event_id = %s", [listed.pk])
    ok, said = _verify(anchor_file)
    assert not ok and f"audit event {listed.pk}" in said


def test_a_trail_emptied_by_hand_is_found_through_the_anchor(trail, anchor_file):
    anchor = write_anchor(anchor_file)
    assert anchor["seq"] == AuditEvent.objects.order_by("-seq").first().seq
    _unguarded("DELETE FROM audit_log_auditevent")
    ok, said = _verify(anchor_file)
    assert not ok and f"records row {anchor['seq']}" in said and "emptied" in said


def test_a_rewritten_chain_is_found_through_the_anchor(trail, anchor_file):
    """Someone who rewrites a row and recomputes every hash after it still differs from the anchor."""
    write_anchor(anchor_file)
    last = AuditEvent.objects.order_by("-seq").first()
    _unguarded("UPDATE audit_log_auditevent SET chain_hash = %s WHERE id = %s", ["f" * 64, last.pk])
    result = verify_trail(anchor_file=anchor_file)
    assert not result.ok


def test_sealed_rows_refuse_every_change(trail):
    sealed = AuditEvent.objects.get(pk=trail[0].pk)
    for change in ({"detail": "rewritten"}, {"seq": sealed.seq + 1000}, {"chain_hash": "0" * 64}):
        with pytest.raises(DatabaseError), transaction.atomic():
            AuditEvent.objects.filter(pk=sealed.pk).update(**change)
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEventChild.objects.filter(event_id=trail[-1].pk).delete()
    assert AuditEventChild.objects.filter(event_id=trail[-1].pk).count() == 3


def test_the_time_comes_from_the_database_clock(social_worker, child):
    wrong = datetime(2001, 1, 1, tzinfo=UTC)
    with mock.patch("django.utils.timezone.now", return_value=wrong):
        event = audit_record(actor=social_worker, action="view", object_type="person", child_id=child.pk)
    event.refresh_from_db()
    assert event.at.year >= 2026


def test_the_anchor_command_appends_the_chain_head(trail, anchor_file, settings):
    settings.LANTERN_AUDIT_ANCHOR_FILE = anchor_file
    call_command("audit_anchor", stdout=StringIO())
    call_command("audit_anchor", stdout=StringIO())
    with open(anchor_file) as lines:
        assert len(lines.readlines()) == 2
