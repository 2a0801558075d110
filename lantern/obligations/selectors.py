"""Work lists and a child's timescales: every list starts from the children the reader may see,
and runs a fixed number of queries whatever the caseload."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q, QuerySet

from lantern.access.policy import visible_children, visible_through
from lantern.people.models import Person

from .clock import Clock
from .models import Obligation
from .status import ObligationView, view_of

OPEN = Q(met_on__isnull=True, withdrawn_on__isnull=True)
STATUS_ORDER = {"overdue": 0, "due_today": 1, "due_soon": 2, "upcoming": 3}


def _open_for(children: QuerySet[Person]) -> QuerySet[Obligation]:
    return (Obligation.objects.filter(OPEN, child__in=children)
            .select_related("child", "child__current_worker", "child__current_team").order_by("due_date", "pk"))


def child_timescales(child: Person, *, as_of: date, clock: Clock) -> list[ObligationView]:
    """All of a child's obligations that had started by ``as_of``, as they stood that day;
    open ones first, most urgent first."""
    rows = Obligation.objects.filter(child=child, start_date__lte=as_of).order_by("due_date", "pk")
    views = [view_of(o, today=as_of, clock=clock) for o in rows]
    return sorted(views, key=lambda v: (v.status is None or v.status.is_met, v.obligation.due_date))


def my_work(user, *, today: date, clock: Clock) -> list[ObligationView]:
    mine = visible_children(user).filter(current_worker=user)
    return [view_of(o, today=today, clock=clock) for o in _open_for(mine)]


@dataclass
class WorkerLoad:
    worker: object | None
    caseload: int = 0
    obligations: list[ObligationView] = field(default_factory=list)

    @property
    def overdue(self) -> int:
        return sum(1 for v in self.obligations if v.status and v.status.status == "overdue")


@dataclass
class TeamWork:
    team: object
    workers: list[WorkerLoad]
    unallocated: list[Person]


def team_work(user, team, *, today: date, clock: Clock) -> TeamWork:
    children = visible_children(user).filter(current_team=team)
    loads: dict[int | None, WorkerLoad] = {}
    for member in team.members.filter(is_active=True).order_by("last_name", "first_name"):
        loads[member.pk] = WorkerLoad(worker=member)
    for row in children.values("current_worker").annotate(n=Count("id")):
        loads.setdefault(row["current_worker"], WorkerLoad(worker=None)).caseload = row["n"]
    for obligation in _open_for(children):
        load = loads.setdefault(obligation.child.current_worker_id, WorkerLoad(worker=obligation.child.current_worker))
        load.obligations.append(view_of(obligation, today=today, clock=clock))
    workers = sorted((w for key, w in loads.items() if key is not None), key=lambda w: (-w.overdue, str(w.worker)))
    if None in loads and loads[None].obligations:
        workers.append(loads[None])
    unallocated = list(children.filter(current_worker__isnull=True).order_by("last_name", "first_name")[:200])
    return TeamWork(team=team, workers=workers, unallocated=unallocated)


def status_bounds(today: date, clock: Clock) -> dict[str, Q]:
    soon = clock.calendar.add_working_days(today, 2)
    return {
        "overdue": Q(due_date__lt=today),
        "due_today": Q(due_date=today),
        "due_soon": Q(due_date__gt=today, due_date__lte=soon),
        "upcoming": Q(due_date__gt=soon),
    }


def service_counts(user, *, today: date, clock: Clock) -> dict:
    """Open obligations counted by team and rule and status, for the children the reader sees.

    Two indexed reads, counted in Python: the open obligations (a partial index), then which of
    their children the reader may see and in which team. Joined in one query, the planner
    overestimates the open rows and reads every child of the authority instead; sending the
    children's ids back as a list costs more in building the query than in running it."""
    from lantern.accounts.models import Team

    soon = clock.calendar.add_working_days(today, 2)
    open_obligations = Obligation.objects.filter(OPEN).order_by()
    rows = list(open_obligations.values_list("child_id", "rule_id", "due_date"))
    teams = dict(visible_children(user).filter(pk__in=open_obligations.values("child_id"))
                 .values_list("pk", "current_team_id"))
    names = dict(Team.objects.values_list("pk", "name"))
    counted: dict = defaultdict(lambda: {"overdue": 0, "due_today": 0, "due_soon": 0, "upcoming": 0})
    for child, rule_id, due in rows:
        if child not in teams:
            continue
        status = ("overdue" if due < today else "due_today" if due == today else
                  "due_soon" if due <= soon else "upcoming")
        counted[(teams[child], rule_id)][status] += 1
    table: dict = defaultdict(list)
    for (team_id, rule_id), counts in sorted(counted.items(), key=lambda item: (
            names.get(item[0][0]) or "~", item[0][1])):
        table[(team_id, names.get(team_id) or "Not allocated")].append({"rule_id": rule_id, **counts})
    return dict(table)


ALL_TEAMS = "all"


def drill_down(user, *, team_id: int | str | None, rule_id: str, status: str, today: date,
               clock: Clock) -> list[ObligationView]:
    """The open obligations behind one number of the service view; ``team_id`` None means the
    children no team holds, ALL_TEAMS every team's."""
    bounds = status_bounds(today, clock)
    visible = visible_through(user, "child")
    if visible is None:
        return []
    rows = (Obligation.objects.filter(OPEN, visible, rule_id=rule_id)
            .select_related("child", "child__current_worker", "child__current_team").order_by("due_date", "pk"))
    if not isinstance(team_id, str):  # the only string is ALL_TEAMS
        rows = rows.filter(child__current_team_id=team_id)
    if status in bounds:
        rows = rows.filter(bounds[status])
    return [view_of(o, today=today, clock=clock) for o in rows[:500]]
