"""Seal the audit trail into a hash chain, and let the database allow only that one UPDATE.

Rows written before this migration get their row hash and are sealed in id order. Then:
PostgreSQL: a trigger refuses DELETE on both audit tables, and UPDATE except the sealing of an
unsealed row that leaves its content as it was; ``audit_log_seal(n)`` seals up to n committed rows
as the table's owner (SECURITY DEFINER), so the application's role needs no UPDATE right at all.
TRUNCATE is refused to the application's role by its grants (``manage.py database_roles``), not
by a trigger, so that the test harness, running as the owner, can still empty tables.
SQLite: the same rules as triggers; DELETE only while ``audit_log_purge_window`` holds a row (the
browser tests' flush, see migration 0002)."""

from django.db import migrations

from lantern.audit_log.chain import GENESIS, chain_link, normal_ip, row_hash

CONTENT = ("id", "at", "actor_id", "actor_role", "ip_address", "via", "action", "child_id", "object_type",
           "object_id", "changes", "detail", "row_hash")

PG_FORWARD = r"""
DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log_auditevent;
DROP FUNCTION IF EXISTS audit_log_refuse_change();

CREATE OR REPLACE FUNCTION audit_log_guard() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'audit_log_auditevent' AND OLD.seq IS NULL AND NEW.seq IS NOT NULL
     AND (to_jsonb(NEW) - 'seq' - 'chain_hash') = (to_jsonb(OLD) - 'seq' - 'chain_hash') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'The audit trail is append-only: % on % refused', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log_auditevent
  FOR EACH ROW EXECUTE FUNCTION audit_log_guard();
CREATE TRIGGER audit_log_child_append_only BEFORE UPDATE OR DELETE ON audit_log_auditeventchild
  FOR EACH ROW EXECUTE FUNCTION audit_log_guard();

-- Must compute exactly lantern.audit_log.chain.chain_link (a test holds them to each other).
CREATE OR REPLACE FUNCTION audit_log_seal(max_rows integer) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  head_seq bigint;
  head_hash text;
  r record;
  sealed integer := 0;
BEGIN
  -- One sealer at a time, for the rest of this transaction: each takes the head as it left it.
  PERFORM pg_advisory_xact_lock(7346012);
  SELECT seq, chain_hash INTO head_seq, head_hash FROM audit_log_auditevent
    WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1;
  IF head_seq IS NULL THEN
    head_seq := 0;
    head_hash := repeat('0', 64);
  END IF;
  FOR r IN SELECT id, at, row_hash FROM audit_log_auditevent WHERE seq IS NULL ORDER BY id LIMIT max_rows LOOP
    head_seq := head_seq + 1;
    head_hash := encode(sha256(convert_to(
      head_hash || '|' || head_seq || '|' || r.id || '|'
      || to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '|' || r.row_hash, 'UTF8')), 'hex');
    UPDATE audit_log_auditevent SET seq = head_seq, chain_hash = head_hash WHERE id = r.id;
    sealed := sealed + 1;
  END LOOP;
  RETURN sealed;
END;
$$;
"""
PG_REVERSE = """
DROP FUNCTION IF EXISTS audit_log_seal(integer);
DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log_auditevent;
DROP TRIGGER IF EXISTS audit_log_child_append_only ON audit_log_auditeventchild;
DROP FUNCTION IF EXISTS audit_log_guard();
"""

_CHANGED = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in CONTENT)
SQLITE_FORWARD = [
    "DROP TRIGGER IF EXISTS audit_log_no_update",
    "DROP TRIGGER IF EXISTS audit_log_no_delete",
    f"""CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log_auditevent
       WHEN OLD.seq IS NOT NULL OR NEW.seq IS NULL OR {_CHANGED}
       BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only: UPDATE refused'); END""",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log_auditevent
       WHEN NOT EXISTS (SELECT 1 FROM audit_log_purge_window)
       BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only: DELETE refused'); END""",
    """CREATE TRIGGER audit_log_child_no_update BEFORE UPDATE ON audit_log_auditeventchild
       BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only: UPDATE refused'); END""",
    """CREATE TRIGGER audit_log_child_no_delete BEFORE DELETE ON audit_log_auditeventchild
       WHEN NOT EXISTS (SELECT 1 FROM audit_log_purge_window)
       BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only: DELETE refused'); END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS audit_log_child_no_update",
    "DROP TRIGGER IF EXISTS audit_log_child_no_delete",
]


def _seal_existing(apps) -> None:
    """Hash and seal the rows written before the chain existed, oldest first."""
    event_model = apps.get_model("audit_log", "AuditEvent")
    seq, previous = 0, GENESIS
    for event in event_model.objects.order_by("id").iterator(chunk_size=2000):
        hashed = row_hash(actor_id=event.actor_id, actor_role=event.actor_role, ip_address=normal_ip(event.ip_address),
                          via=event.via, action=event.action, child_id=event.child_id,
                          object_type=event.object_type, object_id=event.object_id, changes=event.changes,
                          detail=event.detail)
        seq += 1
        previous = chain_link(previous, seq, event.pk, event.at, hashed)
        event_model.objects.filter(pk=event.pk).update(row_hash=hashed, seq=seq, chain_hash=previous)


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log_auditevent")
        _seal_existing(apps)
        schema_editor.execute(PG_FORWARD, params=None)
    elif vendor == "sqlite":
        for statement in SQLITE_FORWARD[:2]:
            schema_editor.execute(statement)
        _seal_existing(apps)
        for statement in SQLITE_FORWARD[2:]:
            schema_editor.execute(statement)


def reverse(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_REVERSE, params=None)
    elif vendor == "sqlite":
        for statement in SQLITE_REVERSE:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("audit_log", "0003_chain")]
    operations = [migrations.RunPython(forward, reverse)]
