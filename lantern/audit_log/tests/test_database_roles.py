"""On PostgreSQL, the role the application connects as cannot rewrite the audit trail: not UPDATE,
DELETE or TRUNCATE it, not alter it or disable its triggers, not switch triggers off for its session.
It can read it, add to it and seal what it added, and do its ordinary work on the case tables."""

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection
from psycopg import errors

from lantern.audit_log.roles import grant_app_role

ROLE = "lantern_app_test"


def _connect(user: str, **options):
    settings = connection.settings_dict
    return psycopg.connect(host=settings["HOST"] or "127.0.0.1", port=settings["PORT"] or 5432,
                           dbname=settings["NAME"], user=user, **options)


@pytest.fixture
def app_role(db):
    if connection.vendor != "postgresql":
        pytest.skip("database roles are PostgreSQL's; SQLite's triggers guard the trail")
    # The grants must be committed for the role's own connection to see them, so they go through
    # a connection of their own, as the owner (the test database's owner is the suite's user).
    with _connect(connection.settings_dict["USER"], autocommit=True) as owner, owner.cursor() as cursor:
        grant_app_role(cursor, role=ROLE, database=connection.settings_dict["NAME"])
    with _connect(ROLE) as app:
        yield app


REFUSED = [
    "UPDATE audit_log_auditevent SET detail = 'rewritten'",
    "DELETE FROM audit_log_auditevent",
    "TRUNCATE audit_log_auditevent",
    "UPDATE audit_log_auditeventchild SET child_id = 0",
    "DELETE FROM audit_log_auditeventchild",
    "TRUNCATE audit_log_auditeventchild",
    "ALTER TABLE audit_log_auditevent DISABLE TRIGGER USER",
    "ALTER TABLE audit_log_auditevent DISABLE TRIGGER audit_log_append_only",
    "DROP TRIGGER audit_log_append_only ON audit_log_auditevent",
    "SET session_replication_role = replica",
    "DROP TABLE audit_log_auditevent",
]


@pytest.mark.parametrize("statement", REFUSED)
def test_the_application_role_is_refused(app_role, statement):
    with pytest.raises(errors.InsufficientPrivilege), app_role.cursor() as cursor:
        cursor.execute(statement)
    app_role.rollback()


def test_the_application_role_reads_adds_and_seals(app_role):
    with app_role.cursor() as cursor:
        cursor.execute("INSERT INTO audit_log_auditevent (actor_role, via, action, object_type, object_id, detail, "
                       "row_hash, chain_hash) VALUES ('system', 'command', 'view', 'probe', '', '', %s, '') "
                       "RETURNING id", ["a" * 64])
        added = cursor.fetchone()[0]
        cursor.execute("SELECT audit_log_seal(10)")
        assert cursor.fetchone()[0] >= 1
        cursor.execute("SELECT seq FROM audit_log_auditevent WHERE id = %s", [added])
        assert cursor.fetchone()[0] is not None
        cursor.execute("UPDATE people_person SET known_as = known_as WHERE id = -1")  # ordinary work is allowed
    app_role.rollback()  # leave nothing behind in the suite's database


def test_the_command_refuses_to_run_the_application_as_the_owner(db):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    owner = connection.settings_dict["USER"]
    with pytest.raises(Exception, match="must not be the owner"):
        call_command("database_roles", app_url=f"postgres://{owner}@127.0.0.1/{connection.settings_dict['NAME']}")
