"""Work lists and a child's timescales: every list starts from the children the reader may see,
and runs a fixed number of queries whatever the caseload."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Count, Q, QuerySet

from lantern.access.policy import visible_children, visible_through
from lantern.accounts.models import Team, User
from lantern.audit_log.transactions import atomic
from lantern.people.models import Person
from lantern.timescales.rules import LOCAL_POLICY_DEFAULTS
from lantern.timescales.status import DUE_SOON_DAYS

from .clock import Clock
from .models import LocalPolicySetting, Obligation
from .status import ObligationView, view_of

OPEN = Q(met_on__isnull=True, withdrawn_on__isnull=True)
STATUS_ORDER = {"overdue": 0, "due_today": 1, "due_soon": 2, "upcoming": 3}


# What a work list shows of each obligation and its child: loading whole people (some forty
# columns each) for a list of hundreds cost more than the query that found them.
LISTED = ("id", "rule_id", "occurrence", "start_date", "series_start", "extended", "due_date", "met_on",
          "withdrawn_on", "late_reason", "link", "child__first_name", "child__middle_names", "child__last_name",
          "child__current_worker")


def _listed(rows: QuerySet[Obligation]) -> QuerySet[Obligation]:
    return rows.select_related("child").only(*LISTED).order_by("due_date", "pk")


def _open_for(children: QuerySet[Person]) -> QuerySet[Obligation]:
    return _listed(Obligation.objects.filter(OPEN, child__in=children))


def child_timescales(child: Person, *, as_of: date, clock: Clock) -> list[ObligationView]:
    """All of a child's obligations that had started by ``as_of``, as they stood that day;
    open ones first, most urgent first."""
    rows = Obligation.objects.filter(child=child, start_date__lte=as_of).order_by("due_date", "pk")
    views = [view_of(o, today=as_of, clock=clock) for o in rows]
    return sorted(views, key=lambda v: (v.status is None or v.status.is_met, v.obligation.due_date))


def record_deadlines(child: Person, *, link: str | None = None, started_from: date | None = None,
                     started_to: date | None = None, today: date | None = None,
                     clock: Clock | None = None) -> list[ObligationView]:
    """The deadlines a record's page shows, as they stand today: those hanging from the record
    (``link``, the record's own page), or those that started between two dates (an episode's)."""
    from django.utils import timezone

    from .clock import current_clock

    today = today or timezone.localdate()
    views = child_timescales(child, as_of=today, clock=clock or current_clock())
    if link is not None:
        views = [v for v in views if v.obligation.link == link]
    if started_from is not None:
        end = started_to or today
        views = [v for v in views if started_from <= v.obligation.start_date <= end]
    return views


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
        load = loads.setdefault(obligation.child.current_worker_id, WorkerLoad(worker=None))
        load.obligations.append(view_of(obligation, today=today, clock=clock))
    # Children of the team held by someone who is not (or no longer) one of its members.
    for worker in User.objects.filter(pk__in=[key for key, load in loads.items() if key and load.worker is None]):
        loads[worker.pk].worker = worker
    workers = sorted((w for key, w in loads.items() if key is not None), key=lambda w: (-w.overdue, str(w.worker)))
    if None in loads and loads[None].obligations:
        workers.append(loads[None])
    unallocated = list(children.filter(current_worker__isnull=True).only("first_name", "middle_names", "last_name")
                       .order_by("last_name", "first_name")[:200])
    return TeamWork(team=team, workers=workers, unallocated=unallocated)


def due_soon_until(today: date, clock: Clock) -> date:
    """The last day a deadline counts as due soon."""
    return clock.calendar.add_working_days(today, DUE_SOON_DAYS)


def status_bounds(today: date, clock: Clock) -> dict[str, Q]:
    soon = due_soon_until(today, clock)
    return {
        "overdue": Q(due_date__lt=today),
        "due_today": Q(due_date=today),
        "due_soon": Q(due_date__gt=today, due_date__lte=soon),
        "upcoming": Q(due_date__gt=soon),
    }


def _counted(user, today: date, soon: date) -> list[tuple]:
    """(team or None, rule, overdue, due today, due soon, upcoming) for the open deadlines of the
    children the reader may see. SQL around the access policy's own query for the children, joined
    from the open deadlines: a few thousand rows of one small index (``obligation_open_idx``), each
    child looked up once by its key with the policy's test. PostgreSQL chooses that order only
    because it knows how few deadlines are open (the statistics of obligations migration 0003);
    guessing high, it read every child of the authority instead."""
    try:
        sql, params = visible_children(user).order_by().values("pk", "current_team_id").query.sql_with_params()
    except EmptyResultSet:  # the reader may see no child at all
        return []
    table = Obligation._meta.db_table
    statement = (
        "SELECT c.current_team_id, o.rule_id, COUNT(*) FILTER (WHERE o.due_date < %s), "  # noqa: S608
        "COUNT(*) FILTER (WHERE o.due_date = %s), COUNT(*) FILTER (WHERE o.due_date > %s AND o.due_date <= %s), "
        "COUNT(*) FILTER (WHERE o.due_date > %s) "
        f"FROM (SELECT child_id, rule_id, due_date FROM {table} WHERE met_on IS NULL AND withdrawn_on IS NULL) o "
        f"JOIN ({sql}) c ON c.pk = o.child_id GROUP BY 1, 2")
    with atomic(), connection.cursor() as cursor:  # only our own aliases and placeholders are in the text
        if connection.vendor == "postgresql":
            # Counted into a hash table: sorting fourteen thousand rows by team and rule to group
            # them cost a tenth of the page.
            cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute(statement, [today, today, today, soon, soon, *params])
        return cursor.fetchall()


def service_counts(user, *, today: date, clock: Clock) -> dict:
    """Open obligations counted by team (None: children no team holds) and rule and status, for the
    children the reader sees, in one grouped query."""
    soon = due_soon_until(today, clock)
    names = dict(Team.objects.values_list("pk", "name"))
    table: dict = defaultdict(list)
    for team_id, rule_id, *counts in sorted(_counted(user, today, soon),
                                            key=lambda row: (names.get(row[0]) or "~", row[1])):
        table[(team_id, names.get(team_id) or "Not allocated")].append(
            {"rule_id": rule_id, **dict(zip(STATUS_ORDER, counts, strict=True))})
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
    rows = _listed(Obligation.objects.filter(OPEN, visible, rule_id=rule_id))
    if not isinstance(team_id, str):  # the only string is ALL_TEAMS
        rows = rows.filter(child__current_team_id=team_id)
    if status in bounds:
        rows = rows.filter(bounds[status])
    return [view_of(o, today=today, clock=clock) for o in rows[:500]]


def open_obligations(user, *, today: date, clock: Clock, worker=None, team_id: int | None = None,
                     rule_id: str | None = None, status: str | None = None) -> QuerySet[Obligation]:
    """The open obligations of the children the reader may see, most urgent first, for the API's
    work lists (paged by the caller): those held by ``worker``, or by the team ``team_id``, of one
    rule, of one status (overdue, due_today, due_soon or upcoming)."""
    visible = visible_through(user, "child")
    if visible is None:
        return Obligation.objects.none()
    rows = _listed(Obligation.objects.filter(OPEN, visible))
    if worker is not None:
        rows = rows.filter(child__current_worker=worker)
    if team_id is not None:
        rows = rows.filter(child__current_team_id=team_id)
    if rule_id:
        rows = rows.filter(rule_id=rule_id)
    if status:
        rows = rows.filter(status_bounds(today, clock)[status])
    return rows

def local_policy_overview(clock: Clock, today: date) -> list[dict]:
    """Each local timescale with its default, the value in force today and the authority's dated
    values, oldest first (with who set them), for the settings page and the API alike."""
    settings_by_key: dict[str, list[LocalPolicySetting]] = defaultdict(list)
    for setting in LocalPolicySetting.objects.select_related("changed_by"):
        settings_by_key[setting.key].append(setting)
    return [{"key": key, "default": default, "in_force": clock.policy.value_on(key, today)[0],
             "values": settings_by_key.get(key, [])}
            for key, default in sorted(LOCAL_POLICY_DEFAULTS.items())]
