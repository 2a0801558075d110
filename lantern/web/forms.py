"""Form pieces shared by every app: the GOV.UK three-field date input, and a base form whose
errors render as GOV.UK error messages and an error summary."""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError

from lantern.timescales.dates import FIRST_ENTERED_DAY, LAST_ENTERED_DAY, within_entered_range


class DateInputWidget(forms.MultiWidget):
    template_name = "web/widgets/date_input.html"

    def __init__(self, attrs=None):
        numeric = {"inputmode": "numeric"}
        super().__init__([forms.TextInput(numeric), forms.TextInput(numeric), forms.TextInput(numeric)], attrs)

    def decompress(self, value):
        if isinstance(value, date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class DateField(forms.MultiValueField):
    """A date typed as day, month and year, with messages that say which part is wrong."""

    widget = DateInputWidget

    def __init__(self, **kwargs):
        # The parts are optional one by one, so that a date missing its day or month reaches
        # compress, which says which part is missing, rather than Django's "Enter a complete value".
        fields = (forms.CharField(required=False), forms.CharField(required=False), forms.CharField(required=False))
        super().__init__(fields=fields, require_all_fields=False, **kwargs)

    def compress(self, data_list):
        if not data_list or not any(data_list):
            return None
        day, month, year = (str(part or "").strip() for part in data_list)
        missing = [name for name, part in (("day", day), ("month", month), ("year", year)) if not part]
        if missing:
            raise ValidationError(f"{self.label or 'Date'} must include a {' and '.join(missing)}")
        if not (day.isdigit() and month.isdigit() and year.isdigit()) or len(year) != 4:
            raise ValidationError(f"{self.label or 'Date'} must be a real date, for example 27 3 2019")
        try:
            value = date(int(year), int(month), int(day))
        except ValueError as exc:
            raise ValidationError(f"{self.label or 'Date'} must be a real date") from exc
        # The working-day calendar, and every deadline counted from this date, need a year it covers.
        if not within_entered_range(value):
            raise ValidationError(f"{self.label or 'Date'} must be between {FIRST_ENTERED_DAY.year} and "
                                  f"{LAST_ENTERED_DAY.year}")
        return value


class GovUKForm(forms.Form):
    """Marks fields with errors so the templates can add the GOV.UK error classes."""

    def error_list(self) -> list[tuple[str, str]]:
        """(anchor, message) pairs for the error summary, in field order."""
        items: list[tuple[str, str]] = []
        for name, errors in self.errors.items():
            anchor = f"id_{name}" if name != "__all__" else "main-content"
            widget = self.fields[name].widget if name in self.fields else None
            # Date inputs, radios and checkboxes have no element with the field's own id: link to the first one.
            if isinstance(widget, (DateInputWidget, forms.RadioSelect)):
                anchor = f"id_{name}_0"
            items.extend((anchor, str(message)) for message in errors)
        return items


def single_action_field(key: str) -> str | None:
    """For a form with one action's fields (what, owner, due_date, success_measure) that the service
    reads as the first of a plan's actions (``actions.0.owner``) or a decision's first action
    (``first_action.owner``)."""
    for prefix in ("actions.0.", "first_action."):
        if key.startswith(prefix):
            return key.removeprefix(prefix)
    return "what" if key == "actions" else None


def page_field(form: forms.Form, key: str) -> str | None:
    """The form field a service's error key belongs to, or None for the top of the form.

    Services name fields as the API's requests do (``worker_id``, ``named_user_ids``,
    ``progress.12.status``), so that an integration reads each error under the field it sent; a page
    form names some of them its own way. A form may say how with ``field_for_service_key(key)``;
    otherwise ``x_id`` lands on a field ``x``, ``x_ids`` on ``xs``, and ``parent.n.leaf`` on
    ``leaf_n`` (a row of answers keyed by a record's id: ``status_12``)."""
    custom = getattr(form, "field_for_service_key", None)
    candidates = [custom(key)] if custom else []
    candidates.append(key)
    if key.endswith("_id"):
        candidates.append(key[:-3])
    if key.endswith("_ids"):
        candidates.append(f"{key[:-4]}s")
    parts = key.split(".")
    if len(parts) == 3:
        candidates.append(f"{parts[2]}_{parts[1]}")
    return next((name for name in candidates if name and name in form.fields), None)


def attach_service_errors(form: forms.Form, exc: ValidationError) -> None:
    """Put a service's refusal next to the field it concerns, or at the top of the form."""
    if hasattr(exc, "error_dict"):
        for key, errors in exc.error_dict.items():
            field = page_field(form, key)
            for error in errors:
                form.add_error(field, error)
    else:
        for message in exc.messages:
            form.add_error(None, message)
