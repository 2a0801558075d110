"""Server time and query count of the live performance dashboard (/performance/) and one of its
drill-down pages, through Django's test client signed in as the demo performance analyst, on an
already generated authority with casework history:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lantern_bench_history \\
        .venv/bin/python benchmarks/dashboard.py --samples 100

Also prints how long each of the dashboard's grouped queries takes on its own (--breakdown), to
show where the time goes. Read-only apart from the audit rows the pages write."""

import argparse
import time

from _django import percentile, report, setup, timed_get

setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from lantern.accounts.models import User  # noqa: E402
from lantern.accounts.roles import Role  # noqa: E402
from lantern.people.models import Person  # noqa: E402
from lantern.returns.performance import figures  # noqa: E402
from lantern.returns.performance.periods import period_for  # noqa: E402


def breakdown(period, samples: int) -> None:
    today = timezone.localdate()
    sources = [("timeliness (obligations)", lambda: figures.timeliness(period, today))]
    sources += [(source.__name__, (lambda s=source: s(period))) for source in figures.SOURCES]
    for name, run in sources:
        times = []
        for _ in range(samples):
            started = time.perf_counter()
            run()
            times.append((time.perf_counter() - started) * 1000)
        print(f"  {name:<28} p50={percentile(times, 50):6.1f} ms  p95={percentile(times, 95):6.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=100)
    parser.add_argument("--period", default="", help="a period key (default: the last 12 months), e.g. fy2025")
    parser.add_argument("--measure", default="cin-visits", help="the drill-down page to time")
    parser.add_argument("--user", default="demo.performance_analyst")
    parser.add_argument("--breakdown", action="store_true")
    args = parser.parse_args()
    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}; "
          f"children: {Person.objects.filter(is_child_record=True).count():,}")
    client = Client()
    user = User.objects.filter(username=args.user).first()
    if user is None:  # demo sign-ins are made last; any authority-wide analyst gives the same page
        user = User.objects.filter(role=Role.PERFORMANCE_ANALYST, is_active=True).order_by("pk").first()
        print(f"{args.user} does not exist here: signed in as {user.username} ({user.get_role_display()})")
        args.user = user.username
    client.force_login(user)
    query = f"?period={args.period}" if args.period else ""
    dashboard = f"/performance/{query}"
    for _ in range(5):  # warm caches and connections
        client.get(dashboard)
    report(f"dashboard {args.period or 'last 12 months'} ({args.user})",
           [timed_get(client, dashboard) for _ in range(args.samples)])
    workers = settings.PERFORMANCE_FIGURE_WORKERS
    if workers:
        print(f"  (sources counted side by side by {workers} threads: their queries run on the threads' own "
              "connections and are not in this count)")
    drill = f"/performance/{args.measure}/children/{query}"
    client.get(drill)
    drills = [timed_get(client, drill) for _ in range(max(10, args.samples // 5))]
    report(f"drill-down {args.measure}, first page", drills)
    if args.breakdown:
        print("grouped queries on their own:")
        breakdown(period_for(args.period or None, timezone.localdate()), max(5, args.samples // 10))


if __name__ == "__main__":
    main()
