"""API for the statutory clock: a child's timescales (optionally as they stood on a past day) and
the work lists, through the same policy and audit trail as the pages."""

from datetime import date

from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema

from lantern.access.policy import child_for, require_permission, sections_for
from lantern.accounts.models import Team
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record

from .clock import current_clock
from .selectors import child_timescales, my_work, team_work
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
def child_timescales_api(request, pk: int, as_of: date | None = None):
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
    audit_record(actor=request.auth, action=Action.LIST, object_type="obligations", detail=f"api; my work; {len(rows)}")
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
    audit_record(actor=user, action=Action.LIST, object_type="obligations", detail=f"api; team {team.pk}; {len(rows)}")
    return [_out(v, clock) for v in rows]
