"""PostgreSQL roles: the application connects as a role that owns nothing.

Migrations run as the database owner. The application's own role (the user in ``DATABASE_URL``)
may read and write the case tables, but on the audit trail it may only read and insert: no UPDATE,
DELETE or TRUNCATE, and, not being the owner, it cannot ALTER the tables or disable their triggers.
New rows are sealed into the hash chain by ``audit_log_seal``, which runs as the owner (SECURITY
DEFINER) and which the role may call. See ADR 0014 and ``manage.py database_roles``."""

from psycopg import sql

AUDIT_TABLES = ("audit_log_auditevent", "audit_log_auditeventchild")


def grant_app_role(cursor, *, role: str, database: str, password: str | None = None) -> None:
    """Create the application's role if it is missing, and set its rights on every table there is
    now. Run as the owner after every migration, since new tables need their grants too."""
    ident = sql.Identifier(role)
    cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role])
    if cursor.fetchone() is None:
        cursor.execute(sql.SQL("CREATE ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT "
                               "NOREPLICATION NOBYPASSRLS").format(ident))
    if password:
        cursor.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(ident, sql.Literal(password)))
    for statement in (
        "GRANT CONNECT, TEMPORARY ON DATABASE {db} TO {role}",
        "GRANT USAGE ON SCHEMA public TO {role}",
        "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {role}",
        "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
        "GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {role}",
        "GRANT EXECUTE ON FUNCTION audit_log_seal(integer) TO {role}",
    ):
        cursor.execute(sql.SQL(statement).format(db=sql.Identifier(database), role=ident))
    for table in AUDIT_TABLES:
        cursor.execute(sql.SQL("REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON {} FROM {}").format(
            sql.Identifier(table), ident))
