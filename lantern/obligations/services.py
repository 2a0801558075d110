"""Writes for the statutory clock's settings: local policy values and closure days. Every change is
audited; due dates are then recomputed for the whole authority in the background."""

from datetime import date

from django.core.exceptions import ValidationError

from lantern.access.policy import require_permission
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.audit_log.transactions import atomic
from lantern.obligations.audit_types import CLOSURE_DAY, LOCAL_POLICY, OBLIGATIONS
from lantern.tasks.registry import register_task
from lantern.tasks.runner import task_start
from lantern.timescales.periods import Period, PeriodUnit, RuleDefinitionError
from lantern.timescales.rules import EVERY_RECORD, LOCAL_POLICY_DEFAULTS

from .clock import current_clock
from .models import ClosureDay, LocalPolicySetting
from .recompute import recompute_due_dates


@atomic
def local_policy_set(*, actor, key: str, amount: int, unit: str,
                     effective_from: date | None = None) -> LocalPolicySetting | None:
    """Set the authority's value for a local-policy timescale, for clocks that start on or after
    `effective_from`; without it, for every record, past ones too (values dated later still take
    over from their dates). The default for every record is kept as no value at all."""
    require_permission(actor, "timescales.configure")
    if key not in LOCAL_POLICY_DEFAULTS:
        raise ValidationError({"key": f"Unknown local policy {key!r}"})
    if unit not in {u.value for u in PeriodUnit}:
        raise ValidationError({"unit": f"Use one of: {', '.join(u.value for u in PeriodUnit)}"})
    try:
        period = Period(amount, PeriodUnit(unit))
    except (RuleDefinitionError, ValueError) as exc:
        raise ValidationError({"amount": str(exc)}) from exc
    since = effective_from or EVERY_RECORD
    before, _ = current_clock().policy.value_on(key, since)
    setting: LocalPolicySetting | None
    if since == EVERY_RECORD and period == LOCAL_POLICY_DEFAULTS[key]:
        LocalPolicySetting.objects.filter(key=key, effective_from=EVERY_RECORD).delete()
        setting = None
    else:
        setting = LocalPolicySetting.objects.filter(key=key, effective_from=since).first()
        setting = setting or LocalPolicySetting(key=key, effective_from=since)
        setting.amount, setting.unit, setting.changed_by = amount, unit, actor
        setting.save()
    scope = "for every record" if since == EVERY_RECORD else f"for clocks starting from {since.isoformat()}"
    audit_record(actor=actor, action=Action.UPDATE, object_type=LOCAL_POLICY, object_id=key,
                 changes={key: [before.describe(), period.describe()]}, detail=scope)
    return setting


@atomic
def local_policy_remove(*, actor, setting: LocalPolicySetting) -> None:
    """Withdraw one of the authority's values (a change entered by mistake, say): clocks it would
    have governed fall back to the value in force before it."""
    require_permission(actor, "timescales.configure")
    since = "every record" if setting.effective_from == EVERY_RECORD else setting.effective_from.isoformat()
    audit_record(actor=actor, action=Action.UPDATE, object_type=LOCAL_POLICY, object_id=setting.key,
                 changes={setting.key: [Period(setting.amount, PeriodUnit(setting.unit)).describe(), None]},
                 detail=f"value from {since} removed")
    setting.delete()


@atomic
def closure_day_add(*, actor, day: date, label: str) -> ClosureDay:
    require_permission(actor, "timescales.configure")
    if ClosureDay.objects.filter(day=day).exists():
        raise ValidationError({"day": "That day is already a closure day"})
    closure = ClosureDay.objects.create(day=day, label=label.strip(), added_by=actor)
    audit_record(actor=actor, action=Action.CREATE, object_type=CLOSURE_DAY, object_id=closure.pk,
                 changes={"day": [None, day.isoformat()], "label": [None, closure.label]})
    return closure


@atomic
def closure_day_remove(*, actor, closure: ClosureDay) -> None:
    require_permission(actor, "timescales.configure")
    audit_record(actor=actor, action=Action.UPDATE, object_type=CLOSURE_DAY, object_id=closure.pk,
                 changes={"day": [closure.day.isoformat(), None]}, detail="removed")
    closure.delete()


def _require_configure(actor) -> None:
    require_permission(actor, "timescales.configure")


@register_task("recompute_obligations", permit=_require_configure)
def _recompute(actor, inputs: dict, progress) -> dict:
    def report(done, total):
        progress(done, total, f"Recomputed {done:,} of {total:,} due dates")

    read, changed = recompute_due_dates(progress=report)
    return {"Due dates checked": read, "Due dates changed": changed}


def recompute_start(*, actor):
    """Recompute every due date in the background, with progress the administrator can watch."""
    _require_configure(actor)
    audit_record(actor=actor, action=Action.UPDATE, object_type=OBLIGATIONS, detail="recompute started")
    return task_start(kind="recompute_obligations", title="Recomputing due dates", actor=actor, inputs={})
