"""A child's deadlines and the work lists: the obligations a reader may see, audited with every child
shown."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Query, Schema

from lantern.access.policy import child_for, require_permission, sections_for
from lantern.accounts.models import Team, User
from lantern.api.paging import PageQuery, page_of, paged_list, paged_query
from lantern.api.schema import Day, Number, Text
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.obligations.audit_types import OBLIGATIONS, TIMESCALES
from lantern.timescales.rules import all_rules
from lantern.timescales.status import ObligationState

from ..clock import current_clock
from ..selectors import STATUS_ORDER, child_timescales, open_obligations
from ..status import ObligationView, explain, view_of
from .router import router

WITHDRAWN = "withdrawn"
CHILD_STATUSES = [*(s.value for s in ObligationState), WITHDRAWN]


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
                         status=view.status.status.value if view.status else WITHDRAWN,
                         working_days_left=view.status.working_days_left if view.status else None,
                         summary=view.summary, late_reason=o.late_reason, explanation=explain(o, clock),
                         link=o.link)


def _check_filters(rule_id: str | None, status: str | None, statuses) -> None:
    errors = {}
    if rule_id and rule_id not in {rule.id for rule in all_rules()}:
        errors["rule_id"] = "Not a rule of the statutory clock"
    if status and status not in statuses:
        errors["status"] = f"Use one of: {', '.join(statuses)}"
    if errors:
        raise ValidationError(errors)


@router.get("/children/{child_id}/timescales", response=page_of(ObligationOut), summary="A child's deadlines",
            description="Open ones first, most urgent first, then those met or withdrawn. as_of=YYYY-MM-DD shows them "
                        "as they stood at the end of that day; rule_id= and status= narrow them "
                        f"({', '.join(CHILD_STATUSES)}).")
def child_timescales_api(request, child_id: int, paging: Query[PageQuery], as_of: Day | None = None,
                         rule_id: Text | None = None, status: Text | None = None):
    child, decision = child_for(request.auth, child_id)
    require_permission(request.auth, "child.view")
    if "timescales" not in sections_for(request.auth):
        raise PermissionDenied("This part of the record is not shared with you")
    _check_filters(rule_id, status, CHILD_STATUSES)
    clock = current_clock()
    day = as_of or timezone.localdate()
    audit_record(actor=request.auth, action=Action.VIEW, object_type=TIMESCALES, object_id=child_id,
                 child_id=child_id, detail=f"api; as of {day.isoformat()}; basis: {decision.basis}")
    views = [v for v in child_timescales(child, as_of=day, clock=clock)
             if (not rule_id or v.obligation.rule_id == rule_id)
             and (not status or (v.status.status.value if v.status else WITHDRAWN) == status)]
    return paged_list(views, paging, name="timescales").out(lambda v: _out(v, clock))


def _work_page(request, paging: PageQuery, what: str, **narrowed) -> dict:
    _check_filters(narrowed.get("rule_id"), narrowed.get("status"), list(STATUS_ORDER))
    clock, today = current_clock(), timezone.localdate()
    rows = open_obligations(request.auth, today=today, clock=clock, **narrowed)
    page = paged_query(rows, paging, order=("due_date", "pk"))
    audit_record(actor=request.auth, action=Action.LIST, object_type=OBLIGATIONS,
                 children={o.child_id for o in page.items}, detail=f"api; {what}; {len(page.items)}")
    return page.out(lambda o: _out(view_of(o, today=today, clock=clock), clock))


FILTERS = (f"Most urgent first (by due date). rule_id= for one rule, status= for one of {', '.join(STATUS_ORDER)}.")


@router.get("/worklists/mine", response=page_of(ObligationOut), summary="My work",
            description="The open deadlines of the children you hold. " + FILTERS)
def my_work_api(request, paging: Query[PageQuery], rule_id: Text | None = None, status: Text | None = None):
    require_permission(request.auth, "worklist.mine")
    return _work_page(request, paging, "my work", worker=request.auth, rule_id=rule_id, status=status)


@router.get("/worklists/teams/{team_id}", response=page_of(ObligationOut), summary="A team's open deadlines",
            description="For a team of your own service. worker_id= for one worker's. " + FILTERS)
def team_work_api(request, team_id: int, paging: Query[PageQuery], worker_id: Number | None = None,
                  rule_id: Text | None = None, status: Text | None = None):
    require_permission(request.auth, "worklist.team")
    team = get_object_or_404(Team, pk=team_id)
    user = request.auth
    if team.pk != user.team_id and not (user.team_id and team.service_id == user.team.service_id):
        raise PermissionDenied("You can see the work of your own service's teams only")
    worker = get_object_or_404(User, pk=worker_id) if worker_id else None
    return _work_page(request, paging, f"team {team.pk}", team_id=team.pk, worker=worker, rule_id=rule_id,
                      status=status)


@router.get("/worklists/service", response=page_of(ObligationOut), summary="Open deadlines across the service",
            description="Every open deadline of the children you may see, as behind the service view's numbers. "
                        "team_id= for one team's. " + FILTERS)
def service_work_api(request, paging: Query[PageQuery], team_id: Number | None = None, rule_id: Text | None = None,
                     status: Text | None = None):
    require_permission(request.auth, "worklist.service")
    return _work_page(request, paging, f"service; team {team_id or 'all'}", team_id=team_id, rule_id=rule_id,
                      status=status)
