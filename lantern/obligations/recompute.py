"""Recomputing every stored due date after the calendar or local policy changed.

Only the due date can change then, and every input it depends on is stored on the row (rule,
start date, occurrence, series start, extension). A million rows share about a seventh as many
distinct inputs, so the database groups them, each distinct set is computed once here, and only
the sets whose date changed are written back, as one update of the rows that have those inputs
and that stored date. A row saved meanwhile with a fresher date is left as its save wrote it.
Rebuilding the rows from their source records is ``engine.recompute_all``."""

from collections.abc import Callable

from django.db import connection
from django.db.models import Count

from lantern.audit_log.transactions import atomic

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


INPUTS = ("rule_id", "start_date", "occurrence", "series_start", "extended", "due_date")
Group = tuple  # the INPUTS of a set of rows, then the new due date


def recompute_due_dates(*, chunk: int = 20_000, progress: Progress | None = None) -> tuple[int, int]:
    """Returns (rows read, rows changed)."""
    clock = current_clock()
    groups = _groups()
    total = sum(group[-1] for group in groups)
    changed: list[Group] = []
    seen = 0
    for rule_id, start, occurrence, series_start, extended, stored, rows in groups:
        due = clock.due_date(rule_id, start, occurrence=occurrence, series_start=series_start, extended=extended)
        if due != stored:
            changed.append((rule_id, start, occurrence, series_start, extended, stored, due))
        before, seen = seen, seen + rows
        if progress and before // chunk != seen // chunk:
            progress(seen, total)
    with atomic():
        written = _write(changed)
        for hook in _AFTER_RECOMPUTE:
            hook()
    if written * 10 > total:
        _tidy()
    if progress:
        progress(seen, total)
    return seen, written


def _groups() -> list[tuple]:
    """Every distinct set of inputs with its row count: a hundred and fifty thousand small rows for
    ten years of a large authority, fetched at once. Streamed through a cursor instead, the database
    could not share the grouping between its workers, and took half as long again."""
    query = Obligation.objects.order_by().values_list(*INPUTS).annotate(rows=Count("id"))
    with atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL work_mem = '64MB'")  # grouped in memory, not sorted on disk
        return list(query)


def _tidy() -> None:
    """After rewriting a large share of the rows, vacuum and re-analyse them on PostgreSQL: the work
    lists read the open deadlines from the index alone, which works only on pages vacuum has marked
    all-visible, and a rewrite unmarks them until autovacuum comes round (work lists ran five times
    slower meanwhile). VACUUM cannot run inside a transaction, so it is skipped inside one."""
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM (ANALYZE) {Obligation._meta.db_table}")


def _write(changed: list[Group]) -> int:
    if not changed:
        return 0
    if connection.vendor != "postgresql":
        return sum(Obligation.objects.filter(**dict(zip(INPUTS, group[:-1], strict=True))).update(due_date=group[-1])
                   for group in changed)
    table = Obligation._meta.db_table
    with connection.cursor() as cursor:
        # COPY the changed sets into a temporary table, then one joined UPDATE: far faster than
        # statement by statement when a policy change moves hundreds of thousands of dates. It must
        # be a hash join, with room in memory: just after a mass change of dates the statistics are
        # stale, and the planner chose to look each set up by rule and date in an index, reading
        # the same hundred thousand rows once per set. A missing series start is compared as a date
        # no record has, so that the join can hash.
        cursor.execute("SET LOCAL work_mem = '256MB'")
        cursor.execute("SET LOCAL enable_nestloop = off")
        cursor.execute("SET LOCAL enable_mergejoin = off")
        # Dropped at the end of this write: ON COMMIT DROP alone leaves it in place when the
        # recompute runs twice inside one outer transaction.
        cursor.execute("DROP TABLE IF EXISTS pg_temp.obligation_new_due")
        cursor.execute("CREATE TEMPORARY TABLE obligation_new_due (rule_id text, start_date date, occurrence int, "
                       "series_start date, extended boolean, stored date, due date) ON COMMIT DROP")
        with cursor.cursor.copy("COPY obligation_new_due FROM STDIN") as copy:
            for group in changed:
                copy.write_row(group)
        cursor.execute("ANALYZE obligation_new_due")
        cursor.execute(f"UPDATE {table} AS o SET due_date = n.due FROM obligation_new_due AS n "  # noqa: S608
                       "WHERE o.rule_id = n.rule_id AND o.start_date = n.start_date AND o.occurrence = n.occurrence "
                       "AND COALESCE(o.series_start, '0001-01-01') = COALESCE(n.series_start, '0001-01-01') "
                       "AND o.extended = n.extended AND o.due_date = n.stored")
        written = cursor.rowcount
        cursor.execute("DROP TABLE obligation_new_due")
        return written
