"""API for the statutory clock: a child's timescales (optionally as they stood on a past day) and
the work lists, through the same policy and audit trail as the pages."""

from datetime import date, datetime

from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema

from lantern.access.policy import child_for, require_permission, sections_for
from lantern.accounts.models import Team
from lantern.api.schema import Day, InputSchema, Text
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.timescales.rules import EVERY_RECORD

from .clock import current_clock
from .selectors import child_timescales, local_policy_overview, my_work, team_work
from .services import local_policy_set
from .status import ObligationView, explain

router = Router(tags=["Statutory clock"])


class ObligationOut(Schema):
    id: int
    child_id: int
    rule_id: str
    name: str
    occurrence: int
    start_date: date
    due_date: date
    met_on: date | None
    withdrawn_on: date | None
    status: str
    working_days_left: int | None
    summary: str
    late_reason: str
    explanation: str
    link: str


def _out(view: ObligationView, clock) -> ObligationOut:
    o = view.obligation
    return ObligationOut(id=o.pk, child_id=o.child_id, rule_id=o.rule_id, name=view.name, occurrence=o.occurrence,
                         start_date=o.start_date, due_date=o.due_date, met_on=o.met_on, withdrawn_on=o.withdrawn_on,
                         status=view.status.status.value if view.status else "withdrawn",
                         working_days_left=view.status.working_days_left if view.status else None,
                         summary=view.summary, late_reason=o.late_reason, explanation=explain(o, clock),
                         link=o.link)


@router.get("/children/{pk}/timescales", response=list[ObligationOut], summary="A child's deadlines",
            description="as_of=YYYY-MM-DD shows them as they stood at the end of that day.")
def child_timescales_api(request, pk: int, as_of: Day | None = None):
    child, decision = child_for(request.auth, pk)
    require_permission(request.auth, "child.view")
    if "timescales" not in sections_for(request.auth):
        from django.core.exceptions import PermissionDenied
        raise PermissionDenied("This part of the record is not shared with you")
    clock = current_clock()
    day = as_of or timezone.localdate()
    audit_record(actor=request.auth, action=Action.VIEW, object_type="timescales", object_id=pk, child_id=pk,
                 detail=f"api; as of {day.isoformat()}; basis: {decision.basis}")
    return [_out(v, clock) for v in child_timescales(child, as_of=day, clock=clock)]


@router.get("/worklists/mine", response=list[ObligationOut], summary="My work")
def my_work_api(request):
    require_permission(request.auth, "worklist.mine")
    clock = current_clock()
    rows = my_work(request.auth, today=timezone.localdate(), clock=clock)
    audit_record(actor=request.auth, action=Action.LIST, object_type="obligations",
                 children={v.obligation.child_id for v in rows}, detail=f"api; my work; {len(rows)}")
    return [_out(v, clock) for v in rows]


@router.get("/worklists/team/{team_id}", response=list[ObligationOut], summary="A team's open deadlines")
def team_work_api(request, team_id: int):
    require_permission(request.auth, "worklist.team")
    team = get_object_or_404(Team, pk=team_id)
    user = request.auth
    if team.pk != user.team_id and not (user.team_id and team.service_id == user.team.service_id):
        from django.core.exceptions import PermissionDenied
        raise PermissionDenied("You can see the work of your own service's teams only")
    clock = current_clock()
    work = team_work(user, team, today=timezone.localdate(), clock=clock)
    rows = [v for w in work.workers for v in w.obligations]
    audit_record(actor=user, action=Action.LIST, object_type="obligations",
                 children={v.obligation.child_id for v in rows},
                 detail=f"api; team {team.pk}; {len(rows)}")
    return [_out(v, clock) for v in rows]


class PolicyValueOut(Schema):
    effective_from: date | None  # None: the value applies to every record, whenever its clock started
    value: str
    changed_by: str
    changed_at: datetime


class LocalPolicyOut(Schema):
    key: str
    default: str
    in_force_today: str
    values: list[PolicyValueOut]


class LocalPolicyIn(InputSchema):
    amount: int
    unit: str  # working_days, weeks or months
    effective_from: date | None = None  # omitted: every record, past deadlines included


def _policy_out(row: dict) -> LocalPolicyOut:
    values = [PolicyValueOut(effective_from=None if v.effective_from == EVERY_RECORD else v.effective_from,
                             value=f"{v.amount} {v.unit.replace('_', ' ')}", changed_by=str(v.changed_by),
                             changed_at=v.changed_at) for v in row["values"]]
    return LocalPolicyOut(key=row["key"], default=row["default"].describe(), in_force_today=row["in_force"].describe(),
                          values=values)


@router.get("/timescales/local-policy", response=list[LocalPolicyOut], summary="The authority's local timescales",
            description="Each local timescale's default, the value in force today, and the authority's dated "
                        "values. A value applies to deadlines whose clock starts on or after its date.")
def local_policy_list(request):
    require_permission(request.auth, "timescales.configure")
    return [_policy_out(row) for row in local_policy_overview(current_clock(), timezone.localdate())]


@router.put("/timescales/local-policy/{key}", response=LocalPolicyOut, summary="Set a local timescale",
            description="Sets the value for deadlines whose clock starts on or after `effective_from` (every "
                        "record when it is left out), audited as on the settings page. Recompute due dates after.")
def local_policy_put(request, key: Text, payload: LocalPolicyIn):
    local_policy_set(actor=request.auth, key=key, amount=payload.amount, unit=payload.unit,
                     effective_from=payload.effective_from)
    rows = local_policy_overview(current_clock(), timezone.localdate())
    return _policy_out(next(row for row in rows if row["key"] == key))
