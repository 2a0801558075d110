"""Asking for the reason when an event is recorded after its deadline."""

from datetime import date

from django.core.exceptions import ValidationError

from .clock import current_clock
from .models import Obligation


def late_obligation(*, source_key: str, source_id: int, rule_id: str, occurrence: int = 1,
                    met_on: date, open_only: bool = False) -> Obligation | None:
    """The stored obligation this event meets, if meeting it on ``met_on`` is late. ``open_only``:
    only if it is still to be met (an event that meets it only when nothing has yet)."""
    rows = Obligation.objects.filter(source_type=source_key, source_id=source_id, rule_id=rule_id,
                                     occurrence=occurrence)
    if open_only:
        rows = rows.filter(met_on__isnull=True, withdrawn_on__isnull=True)
    obligation = rows.first()
    return obligation if obligation and met_on > obligation.due_date else None


def late_reason_question(due: date, met_on: date) -> str:
    """The one question asked of anything recorded after its deadline."""
    days = current_clock().calendar.working_days_between(due, met_on)
    return f"This was due on {due:%-d %B %Y} and is {days} working day{'s' if days != 1 else ''} late: say why"


def require_late_reason(*, source_key: str, source_id: int, rule_id: str, met_on: date, reason: str,
                        occurrence: int = 1, field: str = "late_reason", open_only: bool = False) -> None:
    """For an event meeting a stored deadline: refused without a reason if it is late."""
    late = late_obligation(source_key=source_key, source_id=source_id, rule_id=rule_id, occurrence=occurrence,
                           met_on=met_on, open_only=open_only)
    if late and not reason.strip():
        raise ValidationError({field: late_reason_question(late.due_date, met_on)})


def late_reason_missing(rule_id: str, start: date, met_on: date, reason: str) -> str | None:
    """For a record not saved yet, so with no stored deadline: the same question, with the due date
    worked out by the statutory clock from ``start``; None when on time or a reason is given."""
    from lantern.timescales.deadlines import compute_deadline
    from lantern.timescales.rules import rule_for

    clock = current_clock()
    due = compute_deadline(rule_for(rule_id), start, calendar=clock.calendar, policy=clock.policy).due_date
    return late_reason_question(due, met_on) if met_on > due and not (reason or "").strip() else None
