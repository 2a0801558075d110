"""Recomputing every stored due date after the calendar or local policy changed.

Only the due date can change then, and every input it depends on is stored on the row (rule,
start date, occurrence, series start, extension), so the rows are streamed, recomputed in memory
(many rows share the same inputs, so each distinct one is computed once) and only the changed
ones are written back. Rebuilding the rows from their source records is ``engine.recompute_all``."""

from collections.abc import Callable
from datetime import date

from django.db import connection, transaction

from .clock import current_clock
from .models import Obligation

Progress = Callable[[int, int], None]
# Parts that keep a due date of their own beside the obligation (the front door queue sorts
# contacts by theirs) register here; each is called, in the same transaction, after a recompute.
_AFTER_RECOMPUTE: list[Callable[[], int]] = []


def after_recompute(hook: Callable[[], int]) -> Callable[[], int]:
    if hook not in _AFTER_RECOMPUTE:
        _AFTER_RECOMPUTE.append(hook)
    return hook
FIELDS = ("id", "rule_id", "start_date", "occurrence", "series_start", "extended", "due_date")


def recompute_due_dates(*, chunk: int = 20_000, progress: Progress | None = None) -> tuple[int, int]:
    """Returns (rows read, rows changed)."""
    clock = current_clock()
    total = Obligation.objects.count()
    changed: list[tuple[int, date]] = []
    seen = 0
    rows = Obligation.objects.order_by().values_list(*FIELDS).iterator(chunk_size=chunk)
    for pk, rule_id, start, occurrence, series_start, extended, stored in rows:
        due = clock.due_date(rule_id, start, occurrence=occurrence, series_start=series_start, extended=extended)
        if due != stored:
            changed.append((pk, due))
        seen += 1
        if progress and seen % chunk == 0:
            progress(seen, total)
    with transaction.atomic():
        _write(changed)
        for hook in _AFTER_RECOMPUTE:
            hook()
    if len(changed) * 10 > total:
        _tidy()
    if progress:
        progress(seen, total)
    return seen, len(changed)


def _tidy() -> None:
    """After rewriting a large share of the rows, vacuum and re-analyse them on PostgreSQL: the work
    lists read the open deadlines from the index alone, which works only on pages vacuum has marked
    all-visible, and a rewrite unmarks them until autovacuum comes round (work lists ran five times
    slower meanwhile). VACUUM cannot run inside a transaction, so it is skipped inside one."""
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM (ANALYZE) {Obligation._meta.db_table}")


def _write(changed: list[tuple[int, date]]) -> None:
    if not changed:
        return
    table = Obligation._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY the new dates into a temporary table, then one joined UPDATE: far faster than
            # row-by-row statements when a policy change moves hundreds of thousands of dates.
            # No index on the temporary table and room in memory for the join: a hash of a million
            # (id, date) pairs fits in a few tens of megabytes, where the default would spill to disk.
            cursor.execute("SET LOCAL work_mem = '256MB'")
            cursor.execute("CREATE TEMPORARY TABLE obligation_new_due (id bigint, due date) ON COMMIT DROP")
            with cursor.cursor.copy("COPY obligation_new_due (id, due) FROM STDIN") as copy:
                for row in changed:
                    copy.write_row(row)
            cursor.execute("ANALYZE obligation_new_due")
            cursor.execute(f"UPDATE {table} AS o SET due_date = n.due FROM obligation_new_due AS n "  # noqa: S608
                           "WHERE o.id = n.id")
        else:
            cursor.executemany(f"UPDATE {table} SET due_date = %s WHERE id = %s",  # noqa: S608
                               [(due, pk) for pk, due in changed])
