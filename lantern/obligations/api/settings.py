"""The authority's settings for the statutory clock: local timescales, closure days, and recomputing
due dates once they change. For administrators, audited as on the settings page."""

from datetime import date, datetime

from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Query, Schema

from lantern.access.policy import require_permission
from lantern.api.paging import PageQuery, page_of, paged_list, paged_query
from lantern.api.schema import InputSchema, Text
from lantern.tasks.api import TaskOut, task_out
from lantern.timescales.rules import EVERY_RECORD

from ..clock import current_clock
from ..models import ClosureDay, LocalPolicySetting
from ..selectors import local_policy_overview
from ..services import closure_day_add, closure_day_remove, local_policy_remove, local_policy_set, recompute_start
from .router import router

RECOMPUTE = "Recompute due dates to apply the change (POST /api/v1/due-dates/recompute)."


class PolicyValueOut(Schema):
    id: int
    effective_from: date | None = Field(description="Null: the value applies to every record, whenever its clock "
                                                    "started")
    value: str
    changed_by: str
    changed_at: datetime


class LocalTimescaleOut(Schema):
    key: str
    default: str
    in_force_today: str
    values: list[PolicyValueOut]


class LocalTimescaleIn(InputSchema):
    amount: int
    unit: str = Field(description="working_days, weeks or months")
    effective_from: date | None = Field(None, description="Left out: every record, past deadlines included")


class ClosureDayIn(InputSchema):
    day: date
    label: str


class ClosureDayOut(Schema):
    id: int
    day: date
    label: str
    added_by_id: int
    added_at: datetime


def _policy_out(row: dict) -> LocalTimescaleOut:
    values = [PolicyValueOut(id=v.pk, effective_from=None if v.effective_from == EVERY_RECORD else v.effective_from,
                             value=f"{v.amount} {v.unit.replace('_', ' ')}", changed_by=str(v.changed_by),
                             changed_at=v.changed_at) for v in row["values"]]
    return LocalTimescaleOut(key=row["key"], default=row["default"].describe(),
                             in_force_today=row["in_force"].describe(), values=values)


def _policy(key: str) -> LocalTimescaleOut:
    rows = local_policy_overview(current_clock(), timezone.localdate())
    return _policy_out(next(row for row in rows if row["key"] == key))


@router.get("/local-timescales", response=page_of(LocalTimescaleOut), summary="The authority's local timescales",
            description="By key: each local timescale's default, the value in force today, and the authority's "
                        "dated values. A value applies to deadlines whose clock starts on or after its date.")
def local_timescale_list(request, paging: Query[PageQuery]):
    require_permission(request.auth, "timescales.configure")
    rows = local_policy_overview(current_clock(), timezone.localdate())
    return paged_list(rows, paging, name="local-timescales").out(_policy_out)


@router.put("/local-timescales/{key}", response=LocalTimescaleOut, summary="Set a local timescale",
            description="Sets the value for deadlines whose clock starts on or after `effective_from` (every "
                        "record when it is left out). " + RECOMPUTE)
def local_timescale_put(request, key: Text, payload: LocalTimescaleIn):
    local_policy_set(actor=request.auth, key=key, amount=payload.amount, unit=payload.unit,
                     effective_from=payload.effective_from)
    return _policy(key)


@router.delete("/local-timescales/{key}/values/{value_id}", response=LocalTimescaleOut,
               summary="Withdraw one of the authority's values",
               description="Clocks it would have governed fall back to the value in force before it. " + RECOMPUTE)
def local_timescale_value_delete(request, key: Text, value_id: int):
    require_permission(request.auth, "timescales.configure")
    setting = get_object_or_404(LocalPolicySetting, pk=value_id, key=key)
    local_policy_remove(actor=request.auth, setting=setting)
    return _policy(key)


@router.get("/closure-days", response=page_of(ClosureDayOut), summary="Days the authority is closed",
            description="Beyond weekends and bank holidays; latest first.")
def closure_day_list(request, paging: Query[PageQuery]):
    require_permission(request.auth, "timescales.configure")
    return paged_query(ClosureDay.objects.all(), paging, order=("-day", "-pk")).out()


@router.post("/closure-days", response={201: ClosureDayOut}, summary="Add a closure day",
             description="No deadline falls due on it. " + RECOMPUTE)
def closure_day_create(request, payload: ClosureDayIn):
    return 201, closure_day_add(actor=request.auth, day=payload.day, label=payload.label)


@router.delete("/closure-days/{closure_day_id}", response={204: None}, summary="Remove a closure day",
               description=RECOMPUTE)
def closure_day_delete(request, closure_day_id: int):
    require_permission(request.auth, "timescales.configure")
    closure_day_remove(actor=request.auth, closure=get_object_or_404(ClosureDay, pk=closure_day_id))
    return 204, None


@router.post("/due-dates/recompute", response={202: TaskOut}, summary="Recompute every due date",
             description="In the background, after changing local timescales or closure days: follow it at "
                         "/api/v1/tasks/{task_id}.")
def recompute(request):
    return 202, task_out(recompute_start(actor=request.auth))
