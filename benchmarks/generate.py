"""Benchmark: generate the synthetic authority into a fresh database and report how long it took.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python benchmarks/generate.py --children 85000
    .venv/bin/python benchmarks/generate.py --children 20000          # SQLite, in a temporary file

On PostgreSQL the database named by --database (default lantern_bench_<children>) is dropped,
created and migrated; it is kept afterwards so other benchmarks can run against it. On SQLite a
temporary file is used and removed unless --keep is given. Prints seconds per stage, rows per
table and the totals; --json writes the same figures to a file."""

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, default=85_000)
    parser.add_argument("--seed", type=int, default=2013)
    parser.add_argument("--batch-size", type=int, default=5_000)
    parser.add_argument("--database", help="PostgreSQL database to (re)create; default lantern_bench_<children>")
    parser.add_argument("--keep", action="store_true", help="SQLite: keep the temporary database file")
    parser.add_argument("--demo-users", action="store_true",
                        help="afterwards run demo_users, so other benchmarks can sign in as each role")
    parser.add_argument("--json", type=Path, help="also write the figures to this file as JSON")
    parser.add_argument("--years", type=int, default=0,
                        help="then generate this many years of casework history (journey stages); 0: none")
    parser.add_argument("--profile", default="well_run", help="casework profile: well_run or inspected")
    return parser.parse_args()


def _fresh_postgres(url: str, name: str) -> str:
    """Drop and create ``name`` on the server in ``url``; return the URL of the new database."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return urlunsplit(parts._replace(path=f"/{name}"))


_SHOWN: dict[str, int] = {}


def _progress(stage: str, fraction: float) -> None:
    """One line per stage at 0, 25, 50, 75 and 100%."""
    percent = int(fraction * 100)
    last = _SHOWN.get(stage)
    if last == 100 or (last is not None and percent < 100 and percent < last + 25):
        return
    _SHOWN[stage] = percent
    print(f"  {stage:<14} {percent:3d}%", flush=True)


def main() -> int:
    args = _arguments()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    url = os.environ.get("DATABASE_URL", "")
    temporary = None
    if url.startswith(("postgres://", "postgresql://")):
        name = args.database or f"lantern_bench_{args.children}"
        os.environ["DATABASE_URL"] = _fresh_postgres(url, name)
        where = f"PostgreSQL database {name}"
    else:
        handle, temporary = tempfile.mkstemp(prefix="lantern_bench_", suffix=".sqlite3")
        os.close(handle)
        os.environ["DATABASE_URL"] = f"sqlite:///{temporary}"
        where = f"SQLite file {temporary}"

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from lantern.audit_log.models import AuditEvent
    from lantern.synthetic.generate import GENERATED_MODELS, generate_authority

    print(f"Synthetic authority benchmark: {args.children:,} children, seed {args.seed}, into {where}")
    print(f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs", flush=True)
    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    migrate_seconds = time.perf_counter() - started

    summary = generate_authority(args.children, args.seed, batch_size=args.batch_size, report=_progress)
    if args.years:
        from django.utils import timezone

        from lantern.synthetic.stages import run_journey_stages

        print(f"Casework history: {args.years} years, profile {args.profile}", flush=True)
        for stage, counts, seconds in run_journey_stages(seed=args.seed, profile=args.profile, years=args.years,
                                                         today=timezone.localdate(), log=print):
            rows_made = sum(counts.values()) if counts else 0
            summary.stages.append((f"journey:{stage}", rows_made, seconds))
    after: dict[str, float] = {}  # not part of generation, reported separately
    if args.demo_users:
        started = time.perf_counter()
        with open(os.devnull, "w") as quiet:
            call_command("demo_users", stdout=quiet)
        after["demo users"] = time.perf_counter() - started
    if connection.vendor == "postgresql":
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE)")  # a steady state (visibility map, statistics) for later benchmarks
        after["vacuum"] = time.perf_counter() - started
    rows = {model._meta.db_table: model.objects.count() for model in [*GENERATED_MODELS, AuditEvent]}
    size = None
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database()), version()")
            size, version = cursor.fetchone()
        print(version.split(",")[0])
    elif temporary:
        size = Path(temporary).stat().st_size

    print(f"\nMigrate: {migrate_seconds:.1f}s")
    print(f"{'Stage':<14} {'Rows':>12} {'Seconds':>9}")
    for stage, written, seconds in summary.stages:
        print(f"{stage:<14} {written:>12,} {seconds:>9.1f}")
    total_rows = sum(written for _, written, _ in summary.stages)
    print(f"{'Total':<14} {total_rows:>12,} {summary.seconds:>9.1f}")
    for step, seconds in after.items():
        print(f"(then {step}: {seconds:.1f}s)")
    print("\nRows per table")
    for table, count in rows.items():
        print(f"  {table:<28} {count:>12,}")
    people = rows["people_person"]
    print(f"\nChildren {args.children:,}; people {people:,}; rows written {total_rows:,}; "
          f"generation {summary.seconds:.1f}s ({total_rows / summary.seconds:,.0f} rows/s)"
          + (f"; database size {size / 1e6:,.0f} MB" if size else ""))

    if args.json:
        args.json.write_text(json.dumps({
            "benchmark": "generate", "database": connection.vendor, "where": where, "children": args.children,
            "seed": args.seed, "people": people, "migrate_seconds": round(migrate_seconds, 2),
            "seconds": round(summary.seconds, 2), "stages": {s: round(sec, 2) for s, _, sec in summary.stages},
            "after": {step: round(sec, 2) for step, sec in after.items()},
            "rows": rows, "database_bytes": size}, indent=2))
    if temporary and not args.keep:
        connection.close()
        os.unlink(temporary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
