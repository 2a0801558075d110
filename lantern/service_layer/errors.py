"""Refusals gathered by field and raised together, keyed by the names the API accepts (nested as
``actions.0.owner``); page forms map each back onto their own fields (lantern.web.forms.page_field).

A service collects into a plain dict with these helpers, then ``raise_if(errors)`` once, so a person
sees every problem with what they sent at the same time, not one per attempt."""

from datetime import date

from django.core.exceptions import ValidationError

from lantern.obligations.late import late_reason_missing

# Writing that must say something (an assessment of risk, a rationale): "fine" is not one.
MIN_WRITTEN = 20


def raise_if(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)


def required_text(value, name: str, message: str, errors: dict, minimum: int = 1) -> str:
    """``value`` as stripped text; if it is empty (or shorter than ``minimum``), ``message`` under ``name``."""
    text = str(value or "").strip()
    if not text:
        errors[name] = message
    elif len(text) < minimum:
        errors[name] = f"{message} in more detail (at least {minimum} characters)"
    return text


def written(text: str, name: str, what: str, minimum: int = 20) -> dict[str, str]:
    """A piece of writing that must say something (an evaluation of risk, a reason for a decision):
    a short one is refused, since "no change" is not an evaluation."""
    text = (text or "").strip()
    if not text:
        return {name: f"Enter {what}"}
    if len(text) < minimum:
        return {name: f"Write a fuller {what.removeprefix('the ')} (at least {minimum} characters)"}
    return {}


def date_errors(value: date | None, name: str, label: str, errors: dict, *, earliest: date | None = None,
                earliest_label: str = "", today: date) -> None:
    """A date that must be given, not in the future, and not before ``earliest``."""
    if value is None:
        errors[name] = f"Enter {label}"
    elif value > today:
        errors[name] = f"{label[0].upper()}{label[1:]} cannot be in the future"
    elif earliest is not None and value < earliest:
        errors[name] = f"{label[0].upper()}{label[1:]} cannot be before {earliest_label} ({earliest:%-d %B %Y})"


def late_error(rule_id: str, start: date, met_on: date, reason: str, errors: dict, name: str = "late_reason") -> None:
    """The statutory clock's late-reason question, for a record not saved yet (lantern.obligations.late)."""
    question = late_reason_missing(rule_id, start, met_on, reason)
    if question:
        errors[name] = question
