"""What the tamper-evident audit trail costs (ADR 0014), on an already generated authority:

- one audit row as a page view writes it (insert, then the seal after the commit), p50/p95;
- one list's row naming 300 children (a team work list), and one naming every child of a
  collection year's census return (an export), in seconds;
- ``audit_verify`` over the whole trail: rows per second.

Everything it writes is rolled back unless --keep is given (the verification reads what is there).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lantern_bench_history \\
        .venv/bin/python benchmarks/audit.py --samples 300
"""

import argparse
import time

from _django import percentile, setup

setup()

from django.db import connection, transaction  # noqa: E402

from lantern.accounts.models import User  # noqa: E402
from lantern.audit_log.integrity import verify_trail  # noqa: E402
from lantern.audit_log.models import AuditEvent  # noqa: E402
from lantern.audit_log.sealing import seal_pending  # noqa: E402
from lantern.audit_log.services import audit_record  # noqa: E402
from lantern.people.models import Person  # noqa: E402


class Discard(Exception):
    """Raised to roll a timed write back."""


def _timed(work) -> float:
    started = time.perf_counter()
    work()
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--census-children", type=int, default=23_021, help="children named by one export row")
    parser.add_argument("--keep", action="store_true", help="keep the rows written (default: roll them back)")
    args = parser.parse_args()
    actor = User.objects.filter(is_active=True).exclude(role="administrator").first()
    children = list(Person.objects.filter(is_child_record=True).order_by("pk").values_list("pk", flat=True)
                    [:max(args.census_children, 300)])
    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}; "
          f"audit rows already there: {AuditEvent.objects.count():,}")

    def page_view():
        audit_record(actor=actor, action="view", object_type="person", object_id=children[0], child_id=children[0],
                     detail="benchmark")

    # A page view's row and its seal: on PostgreSQL the seal runs after the commit in a request;
    # here both run in one transaction that is then rolled back (or kept, with --keep).
    times = []
    for _ in range(args.samples):
        try:
            with transaction.atomic():
                times.append(_timed(page_view) + _timed(seal_pending))
                if not args.keep:
                    raise Discard
        except Discard:
            pass
    print(f"one page view's row (insert + seal)      n={len(times)}  p50={percentile(times, 50):6.2f} ms  "
          f"p95={percentile(times, 95):6.2f} ms")

    for label, named in (("a team work list (300 children)", children[:300]),
                         (f"a census export ({len(children[:args.census_children]):,} children)",
                          children[:args.census_children])):
        try:
            with transaction.atomic():
                took = _timed(lambda named=named: audit_record(actor=actor, action="list", object_type="benchmark",
                                                               children=named, detail="benchmark"))
                if not args.keep:
                    raise Discard
        except Discard:
            pass
        print(f"one row naming {label:<40} {took:8.1f} ms")

    started = time.perf_counter()
    result = verify_trail(anchor_file="/nonexistent", seal_first=False)
    seconds = time.perf_counter() - started
    rate = result.checked / max(seconds, 1e-9)
    print(f"audit_verify: {result.checked:,} rows in {seconds:.2f} s ({rate:,.0f} rows/s); "
          f"whole: {result.ok}; waiting to be sealed: {result.unsealed:,}")


if __name__ == "__main__":
    main()
