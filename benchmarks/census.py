"""CIN census: the time to export a collection year (extract + XML) and to check every rule over the
whole authority (extract + validation), on an existing database:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lantern_bench_300000 \\
        .venv/bin/python benchmarks/census.py --year 2025

Prints the rows the year draws on, then for each step the best and median of --repeat runs. The
export is written to memory, not stored, so the database is not changed.

The generated benchmark databases hold people and allocations; their casework comes from the journey
stages (lantern/*/synthetic.py). With --journeys the stages are run first, inside a transaction that
is rolled back at the end, so a shared database is left as it was (its tables must be migrated).
With --fill-assessments, every episode of the year that went further than the referral also gets
an authorised assessment with two factors and (every other one) a child in need plan, in the same
rolled-back transaction: a stand-in while the journey stages make none, so the figures carry the
volume a real return has.
"""

import argparse
import io
import statistics
import time
from collections import Counter
from datetime import date, datetime

from _django import setup

setup()

from django.db import connection, transaction  # noqa: E402

from lantern.returns.cin_census.extract import extract_return  # noqa: E402
from lantern.returns.cin_census.validate import validate_return  # noqa: E402
from lantern.returns.cin_census.writer import write_return  # noqa: E402
from lantern.returns.cin_census.years import SUPPORTED_YEARS, CollectionYear  # noqa: E402

TABLES = {"people_person": "people", "referrals_episode": "episodes", "assessments_assessment": "assessments",
          "cin_cinplan": "child in need plans", "protection_section47enquiry": "section 47 enquiries",
          "protection_conference": "conferences", "protection_cpplan": "child protection plans",
          "returns_censuschild": "census identities"}


class Rollback(Exception):
    pass


def fill_assessments(year: CollectionYear) -> int:
    """Stand-in assessments and plans for the year's episodes (see the module docstring)."""
    from datetime import timedelta

    from lantern.assessments.models import Assessment, AssessmentFactor
    from lantern.cin.models import CinPlan
    from lantern.referrals.models import Episode

    rows = Episode.objects.filter(referral_date__lte=year.reference_date, referral_nfa=False).exclude(
        closure_date__lt=year.start).values_list("id", "child_id", "referral_date", "closure_date", "created_by_id")
    assessments, plans = [], []
    for n, (episode_id, child_id, referred, closed, author) in enumerate(rows):
        done = referred + timedelta(days=28)
        if closed and done > closed:
            done = closed
        if done > year.reference_date:
            continue
        assessments.append(Assessment(episode_id=episode_id, child_id=child_id, started_on=referred,
                                      authorised_on=done, status="authorised", created_by_id=author))
        if n % 2 == 0 and not closed and author:
            plans.append(CinPlan(episode_id=episode_id, child_id=child_id, start_date=done, outcomes="Benchmark",
                                 created_by_id=author))
    made = Assessment.objects.bulk_create(assessments, batch_size=5000)
    AssessmentFactor.objects.bulk_create([AssessmentFactor(assessment=a, code=code) for a in made
                                          for code in ("3B", "4B")], batch_size=10000)
    CinPlan.objects.bulk_create(plans, batch_size=5000)
    return len(made)


def latest_ended_year(today: date) -> CollectionYear:
    """The latest collection year whose ReferenceDate has passed (within the years Lantern writes)."""
    ended = today.year if (today.month, today.day) > (3, 31) else today.year - 1
    return CollectionYear(min(max(ended, SUPPORTED_YEARS[0]), SUPPORTED_YEARS[-1]))


def row_counts() -> dict[str, int | None]:
    present = set(connection.introspection.table_names())
    counts: dict[str, int | None] = {}
    with connection.cursor() as cursor:
        for table, label in TABLES.items():
            if table in present:
                cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608  (fixed table names)
                counts[label] = cursor.fetchone()[0]
            else:
                counts[label] = None
    return counts


def timed(step, repeat: int) -> tuple[list[float], object]:
    seconds, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = step()
        seconds.append(time.perf_counter() - started)
    return seconds, result


def show(label: str, seconds: list[float]) -> None:
    print(f"  {label:<34} best {min(seconds):7.2f} s   median {statistics.median(seconds):7.2f} s")


def measure(year: CollectionYear, repeat: int) -> None:
    extract_s, census = timed(lambda: extract_return(year, la_code="333"), repeat)
    episodes = sum(len(c.episodes) for c in census.children)
    print(f"collection year {year.label}: {len(census.children):,} children, {episodes:,} episodes in the return")

    def write():
        out = io.BytesIO()
        write_return(census, out, generated_at=datetime(year.year, 4, 10), release="benchmark")
        return out.getbuffer().nbytes

    write_s, size = timed(write, repeat)
    validate_s, issues = timed(lambda: validate_return(census), repeat)
    export_s, _ = timed(lambda: write_return(extract_return(year, la_code="333"), io.BytesIO(),
                                             generated_at=datetime(year.year, 4, 10)), repeat)
    check_s, _ = timed(lambda: validate_return(extract_return(year)), repeat)
    show("extract (all queries)", extract_s)
    show(f"write XML ({size / 1e6:.1f} MB)", write_s)
    show("validate (every rule)", validate_s)
    show("export = extract + write", export_s)
    show("whole-authority check = extract + rules", check_s)
    both = [e + c for e, c in zip(export_s, check_s, strict=True)]
    show("export and check together", both)
    severities = Counter(i.severity for i in issues)
    print(f"  findings: {severities.get('error', 0):,} errors, {severities.get('query', 0):,} queries; "
          f"by rule: {dict(Counter(i.rule for i in issues).most_common(8))}")


def through_the_service(year: CollectionYear, repeat: int) -> None:
    """The export as the analyst's page starts it: extract, every rule, the XML stored, and the audit
    row naming every child in the return. Rolled back with everything else."""
    from lantern.accounts.models import User
    from lantern.returns.cin_census.services import census_export_start

    analyst = User.objects.filter(role="performance_analyst", is_active=True).first()
    seconds, export = timed(lambda: census_export_start(actor=analyst, year=year), repeat)
    show(f"export through the service ({export.children:,} children, audited)", seconds)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--year", type=int,
                        help="collection year (2025 = 2024-25); default: the latest one ended by --today")
    parser.add_argument("--today", type=date.fromisoformat, default=date.today(),
                        help="the day the authority was generated (the journey stages' today); default: today")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--journeys", action="store_true",
                        help="run the journey stages first, in a transaction rolled back at the end")
    parser.add_argument("--fill-assessments", action="store_true",
                        help="add stand-in assessments and plans, in the same rolled-back transaction")
    parser.add_argument("--profile", default="well_run", choices=["well_run", "inspected"])
    parser.add_argument("--seed", type=int, default=2013)
    parser.add_argument("--service", action="store_true",
                        help="also time the export through the service the page calls (rolled back at the end)")
    args = parser.parse_args()
    year = CollectionYear(args.year) if args.year else latest_ended_year(args.today)
    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
    try:
        with transaction.atomic():
            if args.journeys:
                from lantern.synthetic.stages import run_journey_stages

                started = time.perf_counter()
                run_journey_stages(seed=args.seed, profile=args.profile, years=3, today=args.today,
                                   log=lambda line: print("  " + line.strip()))
                print(f"journey stages: {time.perf_counter() - started:.1f} s (rolled back at the end)")
            if args.fill_assessments:
                print(f"stand-in assessments: {fill_assessments(year):,} (rolled back at the end)")
            counts = row_counts()
            print("rows: " + ", ".join(f"{label} {'(no table)' if n is None else f'{n:,}'}"
                                       for label, n in counts.items()))
            missing = [label for label, n in counts.items() if n is None]
            if missing:
                print(f"The database is not migrated for: {', '.join(missing)}. Run manage.py migrate on it (or a "
                      "copy) first.")
                return
            measure(year, args.repeat)
            if args.service:
                through_the_service(year, args.repeat)
            if args.journeys or args.fill_assessments or args.service:
                raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()
