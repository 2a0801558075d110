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
