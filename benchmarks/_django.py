"""Set up Django for a benchmark script run from the repository root."""

import os
import sys
from pathlib import Path


def setup() -> None:
    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS.append("testserver")  # Django's test client, which the benchmarks drive
    # The test settings count the dashboard's sources in turn (their tests hold data in a
    # transaction); a benchmark measures what a deployment runs.
    from config.settings import base

    settings.PERFORMANCE_FIGURE_WORKERS = base.PERFORMANCE_FIGURE_WORKERS


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def timed_get(client, url: str) -> tuple[float, int]:
    """Server time in ms and the number of queries of one GET through Django's test client."""
    import time

    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    reset_queries()  # the query log is a capped deque; counting needs it emptied first
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (url, response.status_code)
    return elapsed, len(queries.captured_queries)


def report(label: str, results: list[tuple[float, int]]) -> None:
    """One line: how many, p50, p95 and max of the times, and the query counts seen."""
    times = [t for t, _ in results]
    print(f"{label:<58} n={len(times):>4}  p50={percentile(times, 50):7.1f} ms  p95={percentile(times, 95):7.1f} ms"
          f"  max={max(times):7.1f} ms  queries={sorted({q for _, q in results})}")
