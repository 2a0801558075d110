"""The safeguarding partnership's data compendium on an existing database: the page's server time and
query count for the default period (the last 12 months) and a longer one, the indicators alone, and
laying out the PDF in memory:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lantern_bench_history \\
        .venv/bin/python benchmarks/partnership.py --repeat 5

Signed in as demo.performance_analyst (or the first performance analyst). Each page view writes its
one audit row, as in normal use; the PDF is written to memory and not stored."""

import argparse
import io
import statistics
import time

from _django import percentile, setup

setup()

from dateutil.relativedelta import relativedelta  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from lantern.accounts.models import User  # noqa: E402
from lantern.accounts.roles import Role  # noqa: E402
from lantern.returns.partnership.pdf import write_compendium_pdf  # noqa: E402
from lantern.returns.partnership.period import Period, default_period  # noqa: E402
from lantern.returns.partnership.sections import compendium_sections  # noqa: E402
from lantern.returns.partnership.selectors import compendium_indicators  # noqa: E402


def page(client: Client, url: str, repeat: int) -> None:
    times, queries = [], 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
        queries = len(captured)
    print(f"  GET {url[:60]:<60} p50 {statistics.median(times):7.0f} ms   p95 {percentile(times, 95):7.0f} ms"
          f"   {queries} queries")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    user = (User.objects.filter(username="demo.performance_analyst").first()
            or User.objects.filter(role=Role.PERFORMANCE_ANALYST).first())
    if user is None:
        raise SystemExit("No performance analyst in this database (generate it with --demo-users)")
    today = timezone.localdate()
    default = default_period(today)
    long = Period(today - relativedelta(years=5) + relativedelta(days=1), today)
    print(f"partnership compendium, signed in as {user.username}, {connection.vendor}")
    client = Client()
    client.force_login(user)
    client.get("/partnership/")  # warm: templates, URL resolver
    page(client, "/partnership/", args.repeat)
    page(client, f"/partnership/?{long.query}", args.repeat)
    for label, period in (("12 months", default), ("5 years", long)):
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            compendium = compendium_indicators(period, as_at=timezone.now())
            times.append(time.perf_counter() - started)
        c, best, median = compendium, min(times) * 1000, statistics.median(times) * 1000
        print(f"  indicators, {label:<9} best {best:7.0f} ms   median {median:7.0f} ms   "
              f"({c.strategy.held:,} strategy discussions, {c.conferences.initial.held:,} initial and "
              f"{c.conferences.review.held:,} review conferences, {c.core_groups.held:,} core groups, "
              f"{c.domestic_abuse.total.notifications:,} notifications, {c.front_door.contacts:,} contacts)")
        started = time.perf_counter()
        stream = io.BytesIO()
        write_compendium_pdf(compendium_sections(compendium), stream, authority="Benchmark", period_label=period.label,
                             generated_at=timezone.localtime(), author=user.username)
        print(f"  PDF layout, {label:<9} {(time.perf_counter() - started) * 1000:7.0f} ms   "
              f"{len(stream.getvalue()) // 1024:,} KB")


if __name__ == "__main__":
    main()
