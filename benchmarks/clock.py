"""The statutory clock at scale: full recompute time, and the work-list pages' server time and
query count, on an already generated authority:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lantern_bench_300000 \\
        .venv/bin/python benchmarks/clock.py --samples 100
"""

import argparse
import time
from datetime import date, timedelta

from _django import report, setup, timed_get

setup()

from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402

from lantern.accounts.models import Team, User  # noqa: E402
from lantern.accounts.roles import Role  # noqa: E402
from lantern.obligations.engine import recompute_all  # noqa: E402
from lantern.obligations.models import ClosureDay, LocalPolicySetting, Obligation  # noqa: E402
from lantern.obligations.recompute import recompute_due_dates  # noqa: E402
from lantern.people.models import Person  # noqa: E402


def _timed_recompute(case: str) -> None:
    started = time.perf_counter()
    read, changed = recompute_due_dates()
    print(f"recompute due dates, {case}: {time.perf_counter() - started:6.1f} s ({read:,} read, {changed:,} written)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=100)
    parser.add_argument("--skip-recompute", action="store_true")
    parser.add_argument("--rebuild", action="store_true",
                        help="also time rebuilding every obligation from its source records (slow)")
    args = parser.parse_args()
    obligations = Obligation.objects.count()
    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}; "
          f"children: {Person.objects.filter(is_child_record=True).count():,}; obligations: {obligations:,}; "
          f"open: {Obligation.objects.filter(met_on__isnull=True, withdrawn_on__isnull=True).count():,}")
    if not args.skip_recompute:
        _timed_recompute("nothing changed")
        # A typical change: the authority adds a closure day two years ago (a Wednesday).
        admin = User.objects.filter(role=Role.ADMINISTRATOR).first()
        day = date.today() - timedelta(days=730)
        day -= timedelta(days=(day.weekday() - 2) % 7)
        closure = ClosureDay.objects.create(day=day, label="Benchmark closure", added_by=admin)
        _timed_recompute("one closure day added")
        closure.delete()
        recompute_due_dates()
        # A change of local policy from today: child protection visits every 4 weeks, not 10
        # working days. Deadlines whose clock started earlier keep the value in force then.
        setting = LocalPolicySetting.objects.create(key="cp_visit_interval", effective_from=date.today(), amount=4,
                                                    unit="weeks", changed_by=admin)
        _timed_recompute("a local policy changed from today")
        setting.delete()
        recompute_due_dates()
        Obligation.objects.update(due_date="2000-01-03")  # every stored date wrong: the worst case
        _timed_recompute("every one changed")
        if args.rebuild:
            started = time.perf_counter()
            written = recompute_all()
            print(f"rebuild every obligation from its records: {time.perf_counter() - started:6.1f} s "
                  f"({sum(written.values()):,} rows written)")

    client = Client()
    busiest = (User.objects.filter(role__in=[Role.SOCIAL_WORKER, Role.SENIOR_PRACTITIONER])
               .annotate(n=Count("allocations")).order_by("-n")[: args.samples])
    results = []
    for worker in busiest:
        client.force_login(worker)
        client.get("/work/")
        results.append(timed_get(client, "/work/"))
    caseloads = [Person.objects.filter(current_worker=w).count() for w in busiest[:5]]
    report(f"My work (busiest workers; caseloads {caseloads}…)", results)

    results = []
    for team in Team.objects.annotate(n=Count("members")).filter(n__gt=0).order_by("-n")[:30]:
        manager = User.objects.filter(team=team, role=Role.TEAM_MANAGER).first()
        if manager:
            client.force_login(manager)
            client.get("/work/team/")
            results.extend(timed_get(client, "/work/team/") for _ in range(3))
    report("Team work (each team's manager)", results)

    manager = User.objects.filter(role=Role.SERVICE_MANAGER).first()
    client.force_login(manager)
    client.get("/work/service/")
    report("Service deadlines (a service manager)", [timed_get(client, "/work/service/") for _ in range(args.samples)])
    team = manager.team
    report("Service deadlines, one team by kind", [timed_get(client, f"/work/service/?team={team.pk}")
                                                   for _ in range(args.samples)])
    analyst = User.objects.filter(role=Role.PERFORMANCE_ANALYST).first()
    client.force_login(analyst)
    client.get("/work/service/")
    report("Service deadlines (the performance analyst, whole authority)",
           [timed_get(client, "/work/service/") for _ in range(args.samples)])


if __name__ == "__main__":
    main()
