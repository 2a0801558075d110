"""Re-arm the SQLite audit guard after a flush.

Django's test flush is followed by post_migrate; closing the purge window there means the guard
is back in force before the next test runs, whatever opened it."""

from django.db import connection
from django.db.models.signals import post_migrate
from django.dispatch import receiver


@receiver(post_migrate)
def close_purge_window(sender, **kwargs) -> None:
    if connection.vendor != "sqlite" or sender.label != "audit_log":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='audit_log_purge_window'"
        )
        if cursor.fetchone():
            cursor.execute("DELETE FROM audit_log_purge_window")
