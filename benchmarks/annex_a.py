"""Ofsted Annex A: the time to read each list (1 to 7) and write the workbook for a period, on an
existing database, without changing it:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lantern_bench_history \\
        .venv/bin/python benchmarks/annex_a.py

The period defaults to the six months to today (the page's default); --start and --end (YYYY-MM-DD)
choose another. Runs the same selectors and writer the background task runs, keeps the workbook in
memory (it is not stored, no audit row is written), and prints for each list the seconds, rows,
children and queries, then the writing time, the file size and the peak memory of the process.
"""

import argparse
import io
import resource
import time
from datetime import date

from _django import setup

setup()

from django.conf import settings  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.utils import timezone  # noqa: E402

from lantern.returns.annex_a.period import Period, default_period, period_check  # noqa: E402
from lantern.returns.annex_a.selectors import LISTS  # noqa: E402
from lantern.returns.annex_a.writer import AnnexWorkbook  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--start", type=date.fromisoformat)
    parser.add_argument("--end", type=date.fromisoformat)
    args = parser.parse_args()
    today = timezone.localdate()
    period: Period = period_check(args.start, args.end, today) if args.start or args.end else default_period(today)
    settings.DEBUG = True  # count queries
    print(f"Database: {connection.vendor} {connection.settings_dict.get('NAME')}")
    print(f"Period: {period.label}")
    print(f"{'List':<42}{'seconds':>9}{'rows':>10}{'children':>10}{'queries':>9}")
    began = time.perf_counter()
    book = AnnexWorkbook(authority=settings.LANTERN_AUTHORITY_NAME, period=period, generated_at=timezone.localtime())
    total_rows, children = 0, set()
    for annex_list in LISTS:
        reset_queries()
        t0 = time.perf_counter()
        found = annex_list.select(period)
        read = time.perf_counter() - t0
        t1 = time.perf_counter()
        book.add_list(annex_list, found)
        added = time.perf_counter() - t1
        total_rows += len(found.rows)
        children |= found.children
        print(f"{f'List {annex_list.number}: {annex_list.title}':<42}{read + added:>9.2f}{len(found.rows):>10,}"
              f"{len(found.children):>10,}{len(connection.queries):>9}")
    t2 = time.perf_counter()
    stream = io.BytesIO()
    book.save(stream)
    saved = time.perf_counter() - t2
    elapsed = time.perf_counter() - began
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'Cover, notes and saving the file':<42}{saved:>9.2f}")
    print(f"Total: {elapsed:.2f} s; {total_rows:,} rows about {len(children):,} children; "
          f"file {len(stream.getvalue()) / 1024:,.0f} KB; peak memory {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
