"""Counting the sources of a page of figures side by side (the performance dashboard's, the
partnership compendium's).

Each source is a handful of grouped queries over its own tables, and none needs another's answer;
one after another the page waited for their sum, so on PostgreSQL they run at the same time, each
on a connection of its own held by a small pool of threads, and the page waits for the slowest.
Each source reads its own consistent snapshot, as it would on a page of its own; the figures are
counts of different records, so nothing on the page mixes two snapshots in one number.

Elsewhere (SQLite, the embedded default) they run in turn on the request's connection, and so
they do under the test settings, whose tests hold their data in a transaction other connections
cannot see. The setting PERFORMANCE_FIGURE_WORKERS (0: in turn) says how many threads."""

import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from django.conf import settings
from django.db import connection

T = TypeVar("T")
_pool: ThreadPoolExecutor | None = None
_pool_size = 0
_lock = threading.Lock()


def _workers() -> int:
    return settings.PERFORMANCE_FIGURE_WORKERS if connection.vendor == "postgresql" else 0


def _pool_of(size: int) -> ThreadPoolExecutor:
    global _pool, _pool_size
    with _lock:
        if _pool is None:
            _pool, _pool_size = ThreadPoolExecutor(max_workers=size, thread_name_prefix="lantern-figures"), size
        return _pool


def _on_own_connection(job: Callable[[], T]) -> T:
    # A pool thread keeps its connection between pages; one the server dropped is replaced.
    if connection.connection is not None and not connection.is_usable():
        connection.close()
    return job()


def side_by_side(jobs: Iterable[Callable[[], T]]) -> list[T]:
    """Each job's result, in the jobs' order."""
    jobs = list(jobs)
    size = _workers()
    if size < 2:
        return [job() for job in jobs]
    return list(_pool_of(size).map(_on_own_connection, jobs))


def shutdown() -> None:
    """Close every pool thread's connection and stop the threads (before a test database is
    dropped, or at exit); the next page starts a new pool."""
    global _pool
    with _lock:
        pool, size, _pool = _pool, _pool_size, None
    if pool is None:
        return
    # Each thread must close its own connection: a barrier holds every job until all threads have one.
    barrier = threading.Barrier(size)

    def close_own() -> None:
        connection.close()
        barrier.wait(timeout=10)

    list(pool.map(lambda _: close_own(), range(size)))
    pool.shutdown()
