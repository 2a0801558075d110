"""Make the audit table append-only in the database itself.

PostgreSQL: a trigger refuses UPDATE and DELETE. TRUNCATE is left to the database owner, who
purges under the retention policy outside the application.
SQLite (the embedded development database): triggers refuse UPDATE, and DELETE unless the
maintenance table ``audit_log_purge_window`` holds a row. Only the test harness opens that
window, to empty the database between browser tests; the application never writes to it."""

from django.db import migrations

PG_FORWARD = """
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'The audit trail is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE ON audit_log_auditevent
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
"""
PG_REVERSE = """
DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log_auditevent;
DROP FUNCTION IF EXISTS audit_log_refuse_change();
"""
SQLITE_FORWARD = [
    "CREATE TABLE IF NOT EXISTS audit_log_purge_window (opened INTEGER NOT NULL)",
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log_auditevent
       BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only: UPDATE refused'); END""",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log_auditevent
       WHEN NOT EXISTS (SELECT 1 FROM audit_log_purge_window)
       BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only: DELETE refused'); END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS audit_log_no_update",
    "DROP TRIGGER IF EXISTS audit_log_no_delete",
    "DROP TABLE IF EXISTS audit_log_purge_window",
]


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        # params=None: the function body's '%' is a RAISE format, not a query placeholder.
        schema_editor.execute(PG_FORWARD, params=None)
    elif vendor == "sqlite":
        for statement in SQLITE_FORWARD:
            schema_editor.execute(statement)


def reverse(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = [PG_REVERSE] if vendor == "postgresql" else SQLITE_REVERSE if vendor == "sqlite" else []
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("audit_log", "0001_initial")]
    operations = [migrations.RunPython(forward, reverse)]
