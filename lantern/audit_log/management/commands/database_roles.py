"""Create or update the PostgreSQL role Lantern runs as, from the owner's connection."""

from urllib.parse import unquote, urlparse

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from lantern.audit_log.roles import grant_app_role


class Command(BaseCommand):
    help = ("Run as the database owner (DATABASE_URL naming the owner) after migrating: creates the role named "
            "in --app-url and gives it rights on every table, but on the audit trail only reading and inserting.")

    def add_arguments(self, parser):
        parser.add_argument("--app-url", required=True,
                            help="The URL the application connects with, e.g. postgres://lantern_app:secret@host/db")

    def handle(self, *args, app_url: str, **options):
        if connection.vendor != "postgresql":
            raise CommandError("Database roles are for PostgreSQL; SQLite's own triggers guard the audit trail.")
        parsed = urlparse(app_url)
        role, database = unquote(parsed.username or ""), parsed.path.lstrip("/")
        if not role or database != connection.settings_dict["NAME"]:
            raise CommandError("--app-url must name a user and the same database as DATABASE_URL")
        if role == connection.settings_dict["USER"]:
            raise CommandError("The application's role must not be the owner that runs the migrations")
        with connection.cursor() as cursor:
            grant_app_role(cursor.cursor, role=role, database=database,
                           password=unquote(parsed.password) if parsed.password else None)
        self.stdout.write(f"The role {role} may now use {database}; on the audit trail it may only read and insert.")
