"""Render Django form fields with GOV.UK Frontend markup: label, hint, error message, input."""

from django import forms, template

from lantern.web.forms import DateInputWidget

register = template.Library()


def _kind(field) -> str:
    widget = field.field.widget
    if isinstance(widget, DateInputWidget):
        return "date"
    # CheckboxSelectMultiple is a subclass of RadioSelect, so it must be tested first.
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    return "input"


@register.inclusion_tag("web/includes/field.html")
def govuk_field(field, width: str = "", label_class: str = ""):
    if field.errors:
        field.field.widget.attrs["has_error"] = True
    value = field.value()
    return {
        "field": field,
        "kind": _kind(field),
        "width": width,
        "label_class": label_class,
        "selected": [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)],
    }


@register.inclusion_tag("web/includes/error_summary.html")
def govuk_error_summary(form):
    return {"errors": form.error_list() if form.is_bound and hasattr(form, "error_list") else []}
