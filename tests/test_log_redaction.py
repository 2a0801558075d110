"""Database error text (rows, key values) is redacted before any log handler writes it."""

import io
import logging
import sys

import pytest
from django.db import DataError, IntegrityError, connection, transaction

from config.logging_filters import RedactDatabaseErrors, redact
from lantern.accounts.models import Team
from lantern.people.models import Person
from lantern.testing.factories import ServiceFactory, synthetic_nhs_number, synthetic_upn

NAME, NHS, UPN = "Quenbyfield", synthetic_nhs_number(41), synthetic_upn(41)


def _caught(action):
    try:
        with transaction.atomic():
            action()
    except (IntegrityError, DataError):
        return sys.exc_info()
    raise AssertionError("the database accepted it")


def _not_null_violation():
    Person.objects.create(first_name=None, last_name=NAME, nhs_number=NHS, upn=UPN)


def _duplicate_key():
    service = ServiceFactory()
    Team.objects.create(name=f"{NAME} {NHS}", service=service)
    Team.objects.create(name=f"{NAME} {NHS}", service=service)


def _bad_value():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite converts any text to a date without complaint")
    with connection.cursor() as cursor:
        cursor.execute("SELECT %s::date", [f"{NAME} {NHS}"])


@pytest.fixture
def console():
    """The console handler settings.LOGGING installs, writing to a buffer for the test."""
    (handler,) = [h for h in logging.getLogger().handlers
                  if any(isinstance(f, RedactDatabaseErrors) for f in h.filters)]
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    yield buffer
    handler.setStream(previous)


def test_the_filter_is_installed_on_the_root_and_django_loggers_and_their_handler():
    for name in ("", "django"):
        assert any(isinstance(f, RedactDatabaseErrors) for f in logging.getLogger(name).filters), name


@pytest.mark.django_db
@pytest.mark.parametrize("action", [_not_null_violation, _duplicate_key, _bad_value])
@pytest.mark.parametrize("logger", ["django.request", "lantern.api", ""])
def test_a_real_database_error_is_logged_without_the_row_or_key_values(console, action, logger):
    exc_info = _caught(action)
    assert NHS in str(exc_info[1]) or connection.vendor != "postgresql"  # PostgreSQL does put the values in
    logging.getLogger(logger).error("Internal Server Error: /api/v1/children (%s)", exc_info[1], exc_info=exc_info)
    written = console.getvalue()
    assert type(exc_info[1]).__name__ in written and "Traceback" in written
    assert NAME not in written and NHS not in written and UPN not in written


def test_the_query_log_keeps_the_query_but_not_its_values():
    record = logging.LogRecord("django.db.backends", logging.DEBUG, __file__, 1, "(%.3f) %s; args=%s; alias=%s",
                               (0.002, f"SELECT 1 FROM people_person WHERE nhs_number = '{NHS}'", (NHS,), "default"),
                               None)
    record.sql, record.params = f"SELECT 1 FROM people_person WHERE nhs_number = '{NHS}'", (NHS,)
    RedactDatabaseErrors().filter(record)
    assert NHS not in record.getMessage() + str(record.sql) + str(record.params)
    assert "SELECT 1 FROM people_person WHERE nhs_number =" in record.getMessage()


def test_redaction_keeps_what_finds_the_fault():
    text = ('duplicate key value violates unique constraint "accounts_team_name_key"\n'
            f"DETAIL:  Key (name)=({NAME}\nsecond line) already exists.")
    assert redact(text) == ('duplicate key value violates unique constraint "accounts_team_name_key"\n'
                            "DETAIL: [redacted]")
