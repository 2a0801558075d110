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


def require_late_reason(*, source_key: str, source_id: int, rule_id: str, met_on: date, reason: str,
                        occurrence: int = 1, field: str = "late_reason", open_only: bool = False) -> None:
    late = late_obligation(source_key=source_key, source_id=source_id, rule_id=rule_id, occurrence=occurrence,
                           met_on=met_on, open_only=open_only)
    if late and not reason.strip():
        days = current_clock().calendar.working_days_between(late.due_date, met_on)
        raise ValidationError({field: f"This was due on {late.due_date:%-d %B %Y} and is {days} working "
                                      f"day{'s' if days != 1 else ''} late: say why"})
