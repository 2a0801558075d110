"""Sealing new audit rows into the hash chain (see chain.py).

SQLite lets one writer in at a time, so a row is sealed in the transaction that writes it: the
insert holds the write lock, and no other row can enter the chain before this one commits.
PostgreSQL writers run side by side, and a row may commit after a later one, so rows are sealed
in the order they become visible, straight after each commit, by the SECURITY DEFINER function
``audit_log_seal`` (migration 0004): the application's role may call it but may not UPDATE the
table itself. A row whose commit's seal was missed (a crash between the two) is sealed by the
next one, and by ``manage.py audit_anchor`` and ``audit_verify``."""

from datetime import UTC, datetime

from django.db import connection, transaction

from .chain import GENESIS, chain_link

PG_BATCH = 10_000


def seal_pending() -> int:
    """Seal every committed row not yet in the chain; returns how many were sealed."""
    if connection.vendor == "postgresql":
        total = 0
        while True:
            with connection.cursor() as cursor:
                cursor.execute("SELECT audit_log_seal(%s)", [PG_BATCH])
                sealed = cursor.fetchone()[0]
            total += sealed
            if sealed < PG_BATCH:
                return total
    with transaction.atomic():
        return _seal_here()


def seal_after_write() -> None:
    """Called by the writer inside its transaction, straight after its insert."""
    if connection.vendor == "postgresql":
        # Once per transaction: each entry is (savepoints, callback, robust).
        if not any(entry[1] is _seal_on_commit for entry in connection.run_on_commit):
            transaction.on_commit(_seal_on_commit)
    else:
        _seal_here(all_waiting=False)  # the row just written is the only one waiting


def _seal_on_commit() -> None:
    seal_pending()


# One statement seals the row just written: its number follows the head's, and its link is worked
# out by ``lantern_chain`` (chain_link, registered on every SQLite connection in apps.py). Only one
# row waits at a time here, since each is sealed in the transaction that wrote it.
SQLITE_SEAL = """
UPDATE audit_log_auditevent SET
  seq = COALESCE((SELECT MAX(seq) FROM audit_log_auditevent), 0) + 1,
  chain_hash = lantern_chain(
    COALESCE((SELECT chain_hash FROM audit_log_auditevent WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1), %s),
    COALESCE((SELECT MAX(seq) FROM audit_log_auditevent), 0) + 1, id, at, row_hash)
WHERE id = (SELECT MIN(id) FROM audit_log_auditevent WHERE seq IS NULL)
"""


def _seal_here(*, all_waiting: bool = True) -> int:
    sealed = 0
    with connection.cursor() as cursor:
        while True:
            cursor.execute(SQLITE_SEAL, [GENESIS])
            if not cursor.rowcount:
                return sealed
            sealed += 1
            if not all_waiting:
                return sealed


def sqlite_chain(previous: str, seq: int, event_id: int, at: str, hashed: str) -> str:
    """``chain_link`` for SQLite, which hands the row's time over as the text it stores (UTC)."""
    moment = datetime.fromisoformat(at)
    return chain_link(previous, seq, event_id, moment if moment.tzinfo else moment.replace(tzinfo=UTC), hashed)
