"""Pieces every child protection service shares: fetching the child through the access policy,
refusing stale saves, checking people's roles and qualifications, and the shape of an action."""

from collections.abc import Mapping
from datetime import date

from django.core.exceptions import ValidationError

from lantern.access.policy import child_for, has_permission, require_permission
from lantern.accounts.roles import Role
from lantern.obligations.late import late_reason_missing

MIN_WRITTEN = 20  # characters: "fine" is not an assessment of risk or a rationale


def child_to_change(actor, child_id: int, permission: str):
    """The child, for a write this actor's role allows. Chairs and partner practitioners have no
    general right to change a child's record, only the child protection actions given to them."""
    require_permission(actor, permission)
    child, _ = child_for(actor, child_id, for_change=has_permission(actor, "child.edit"))
    return child


def raise_if(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)


def required_text(value, name: str, message: str, errors: dict, minimum: int = 1) -> str:
    text = str(value or "").strip()
    if not text:
        errors[name] = message
    elif len(text) < minimum:
        errors[name] = f"{message} in more detail (at least {minimum} characters)"
    return text


def date_errors(value: date | None, name: str, label: str, errors: dict, *, earliest: date | None = None,
                earliest_label: str = "", today: date) -> None:
    if value is None:
        errors[name] = f"Enter {label}"
    elif value > today:
        errors[name] = f"{label[0].upper()}{label[1:]} cannot be in the future"
    elif earliest is not None and value < earliest:
        errors[name] = f"{label[0].upper()}{label[1:]} cannot be before {earliest_label} ({earliest:%-d %B %Y})"


def action_errors(data: Mapping, earliest: date, prefix: str = "", measure: bool = True) -> dict[str, str]:
    """An action says what, who, by when (and, in a plan, how we will know): refused without an owner
    or a date."""
    errors: dict[str, str] = {}
    required_text(data.get("what"), f"{prefix}what", "Say what will be done", errors)
    required_text(data.get("owner"), f"{prefix}owner", "An action must have an owner: name the person or agency "
                  "who will do it", errors)
    if measure:
        required_text(data.get("success_measure"), f"{prefix}success_measure",
                      "Say how we will know the action worked", errors)
    due = data.get("due_date")
    if not due:
        errors[f"{prefix}due_date"] = "An action must have a date by which it will be done"
    elif due < earliest:
        errors[f"{prefix}due_date"] = f"An action cannot be due before {earliest:%-d %B %Y}"
    return errors


def late_error(rule_id: str, start: date, met_on: date, reason: str, errors: dict, field: str = "late_reason") -> None:
    """The statutory clock's late-reason question for a record not saved yet (lantern.obligations.late)."""
    question = late_reason_missing(rule_id, start, met_on, reason)
    if question:
        errors[field] = question


def registered_social_worker_error(user, what: str) -> str | None:
    if user is None:
        return f"Select the registered social worker who {what}"
    if not user.is_active or user.role == Role.PARTNER_PRACTITIONER:
        return f"{user} cannot be chosen: only local authority staff can do this"
    if not user.is_registered_social_worker:
        return (f"{user} is not a registered social worker. Only a social worker registered with Social Work "
                f"England {what}, out of hours included")
    return None
