"""Counts per day that the database keeps in step with the rows they count, so that the dashboard
reads a few hundred small rows instead of counting a year of deadlines and contacts on every view.

For each source below, ``returns_dailycount`` holds, per day and key, how many rows count (``total``)
and two subsets of them (``count_a``, ``count_b``). Triggers on the source table change those
counts in the same transaction as every insert, update and delete, whichever path wrote the rows:
pages, the API, imports, the recompute of due dates, the synthetic generator. So the counts are as
live as the rows themselves: there is no cache to expire and no snapshot to go stale. ADR 0013
says why the database, and not the application, keeps them.

PostgreSQL adds up each statement's changed rows once (statement triggers with transition tables),
so a recompute rewriting a million due dates makes one grouped change, not a million. SQLite, the
embedded development database, does it row by row.

The migration that installs the triggers calls ``install``; a change to a source here needs a new
migration that calls it again (the functions and triggers are replaced). ``drift`` compares the
kept counts with a count from scratch, and ``rebuild`` recounts a source; the ``daily_counts``
command runs either."""

from dataclasses import dataclass

from lantern.frontdoor.codes import ContactStatus, DecisionStatus, Outcome

TABLE = "returns_dailycount"
REFERRAL_OUTCOMES = (Outcome.REFERRAL, Outcome.STRATEGY)


def _literal(value: str) -> str:
    if "'" in value:
        raise ValueError(f"Code {value!r} cannot be written as an SQL literal here")
    return f"'{value}'"


_REFERRED = f"{{r}}.outcome IN ({', '.join(_literal(o.value) for o in REFERRAL_OUTCOMES)})"


@dataclass(frozen=True)
class DailySource:
    """One counted table. Each expression names the row as ``{r}``: ``where`` decides whether a row
    counts at all, ``a`` and ``b`` whether it is in each subset."""

    name: str
    table: str
    key: str
    day: str
    where: str
    a: str = "1 = 0"
    b: str = "1 = 0"

    def columns(self, row: str) -> dict[str, str]:
        """The counted values of a row, as SQL, for the row called ``row``."""
        def on(expression: str) -> str:
            return expression.format(r=row)

        return {"key": on(self.key), "day": on(self.day), "a": f"CASE WHEN {on(self.a)} THEN 1 ELSE 0 END",
                "b": f"CASE WHEN {on(self.b)} THEN 1 ELSE 0 END", "where": on(self.where)}


OBLIGATIONS = DailySource(
    # Deadlines by rule and due date. Counted: not withdrawn on or before the day they fell due;
    # a: met; b: met on or before the due date. (Due today and not yet met is not late yet: the
    # reader leaves those out by day, see figures.timeliness.)
    name="obligation", table="obligations_obligation", key="{r}.rule_id", day="{r}.due_date",
    where="({r}.withdrawn_on IS NULL OR {r}.withdrawn_on > {r}.due_date)",
    a="{r}.met_on IS NOT NULL", b="{r}.met_on <= {r}.due_date")
DECISIONS = DailySource(
    # Final decisions on contacts by the day they took effect. a: referred to children's social
    # care; b: referred, and a re-referral.
    name="contact_decision", table="frontdoor_contactdecision", key="''", day="{r}.effective_on",
    where=f"{{r}}.status = {_literal(DecisionStatus.FINAL.value)} AND {{r}}.effective_on IS NOT NULL",
    a=_REFERRED, b=f"{_REFERRED} AND {{r}}.rereferral")
CONTACTS = DailySource(
    # Contacts received (sent drafts only), by the day they were received.
    name="contact", table="frontdoor_contact", key="''", day="{r}.received_on",
    where=f"{{r}}.status <> {_literal(ContactStatus.DRAFT.value)} AND {{r}}.received_on IS NOT NULL")
SOURCES = (OBLIGATIONS, DECISIONS, CONTACTS)
EVENTS = ("insert", "update", "delete")
# SQLite's row triggers: (name suffix, event, row whose counts change, sign). An update takes the
# old row's counts away and adds the new row's.
SQLITE_TRIGGERS = (("insert", "INSERT", "NEW", 1), ("delete", "DELETE", "OLD", -1),
                   ("update_old", "UPDATE", "OLD", -1), ("update_new", "UPDATE", "NEW", 1))
_INSERT = f"INSERT INTO {TABLE} (source, key, day, total, count_a, count_b) "
_ADD_TO_KEPT = (f"ON CONFLICT (source, key, day) DO UPDATE SET total = {TABLE}.total + EXCLUDED.total, "
                f"count_a = {TABLE}.count_a + EXCLUDED.count_a, count_b = {TABLE}.count_b + EXCLUDED.count_b;")


def _pg_change(source: DailySource, rows: str) -> str:
    """Add up the signed rows of one statement and apply them, a row per day and key, in key order
    so that two transactions touching the same days take their locks in the same order."""
    c = source.columns("r")
    return (f"{_INSERT}SELECT {_literal(source.name)}, k, d, SUM(sign), SUM(sign * a), SUM(sign * b) FROM ("  # noqa: S608
            f"SELECT r.sign, {c['key']} AS k, {c['day']} AS d, {c['a']} AS a, {c['b']} AS b "
            f"FROM ({rows}) r WHERE {c['where']}) x GROUP BY k, d "
            f"HAVING SUM(sign) <> 0 OR SUM(sign * a) <> 0 OR SUM(sign * b) <> 0 ORDER BY k, d {_ADD_TO_KEPT}")


def _pg_statements(source: DailySource) -> list[str]:
    function = f"daily_count_{source.name}"
    new, old = "SELECT 1 AS sign, n.* FROM new_rows n", "SELECT -1 AS sign, o.* FROM old_rows o"
    body = (f"IF TG_OP = 'INSERT' THEN {_pg_change(source, new)} "
            f"ELSIF TG_OP = 'DELETE' THEN {_pg_change(source, old)} "
            f"ELSE {_pg_change(source, f'{old} UNION ALL {new}')} END IF; RETURN NULL;")
    statements = [f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$ "
                  f"BEGIN {body} END $$"]
    referencing = {"insert": "NEW TABLE AS new_rows", "update": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
                   "delete": "OLD TABLE AS old_rows"}
    for event in EVENTS:
        trigger = f"{function}_{event}"
        statements += [f"DROP TRIGGER IF EXISTS {trigger} ON {source.table}",
                       f"CREATE TRIGGER {trigger} AFTER {event.upper()} ON {source.table} "
                       f"REFERENCING {referencing[event]} FOR EACH STATEMENT EXECUTE FUNCTION {function}()"]
    return statements


def _sqlite_change(source: DailySource, row: str, sign: int) -> str:
    c = source.columns(row)
    return (f"{_INSERT}VALUES ({_literal(source.name)}, {c['key']}, {c['day']}, {sign}, {sign} * {c['a']}, "
            f"{sign} * {c['b']}) {_ADD_TO_KEPT}")


def _sqlite_statements(source: DailySource) -> list[str]:
    statements = []
    for suffix, event, row, sign in SQLITE_TRIGGERS:
        trigger = f"daily_count_{source.name}_{suffix}"
        statements += [f"DROP TRIGGER IF EXISTS {trigger}",
                       f"CREATE TRIGGER {trigger} AFTER {event} ON {source.table} "
                       f"WHEN {source.columns(row)['where']} BEGIN {_sqlite_change(source, row, sign)} END"]
    return statements


def _from_scratch(source: DailySource) -> str:
    c = source.columns("r")
    return (f"SELECT {c['key']} AS k, {c['day']} AS d, COUNT(*) AS n, SUM({c['a']}) AS a, SUM({c['b']}) AS b "  # noqa: S608
            f"FROM {source.table} r WHERE {c['where']} GROUP BY 1, 2")


def install(schema_editor) -> None:
    """Create (or replace) every source's triggers, and count each source from scratch."""
    vendor = schema_editor.connection.vendor
    for source in SOURCES:
        statements = (_pg_statements(source) if vendor == "postgresql"
                      else _sqlite_statements(source) if vendor == "sqlite" else [])
        for statement in statements:
            # params=None: the bodies hold no placeholders, and '%' must reach the database as it is.
            schema_editor.execute(statement, params=None)
    with schema_editor.connection.cursor() as cursor:
        for source in SOURCES:
            _recount(cursor, source)


def uninstall(schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    for source in SOURCES:
        if vendor == "postgresql":
            for event in EVENTS:
                schema_editor.execute(f"DROP TRIGGER IF EXISTS daily_count_{source.name}_{event} ON {source.table}")
            schema_editor.execute(f"DROP FUNCTION IF EXISTS daily_count_{source.name}()")
        elif vendor == "sqlite":
            for suffix, *_ in SQLITE_TRIGGERS:
                schema_editor.execute(f"DROP TRIGGER IF EXISTS daily_count_{source.name}_{suffix}")


def _recount(cursor, source: DailySource) -> None:
    cursor.execute(f"DELETE FROM {TABLE} WHERE source = %s", [source.name])  # noqa: S608
    cursor.execute(f"{_INSERT}SELECT %s, k, d, n, a, b FROM ({_from_scratch(source)}) counted",  # noqa: S608
                   [source.name])


def rebuild(connection) -> None:
    """Count every source from scratch (after restoring a backup taken without the triggers, say)."""
    with connection.cursor() as cursor:
        for source in SOURCES:
            _recount(cursor, source)


def drift(connection) -> dict[str, list[tuple]]:
    """Source name → (key, day, kept counts, counts from scratch) wherever the two differ."""
    found: dict[str, list[tuple]] = {}
    with connection.cursor() as cursor:
        for source in SOURCES:
            cursor.execute(f"SELECT key, day, total, count_a, count_b FROM {TABLE} WHERE source = %s "  # noqa: S608
                           "AND (total <> 0 OR count_a <> 0 OR count_b <> 0)", [source.name])
            kept = {(key, str(day)): tuple(counts) for key, day, *counts in cursor.fetchall()}
            cursor.execute(_from_scratch(source))
            counted = {(key, str(day)): tuple(counts) for key, day, *counts in cursor.fetchall()}
            differences = [(key, day, kept.get((key, day)), counted.get((key, day)))
                           for key, day in sorted(kept.keys() | counted.keys())
                           if kept.get((key, day)) != counted.get((key, day))]
            if differences:
                found[source.name] = differences
    return found
