"""Form fields every part's forms build from, written once: GOV.UK wording for what is missing or
malformed. Rules that also bind the API live in the services; these turn typed text into values."""

from datetime import time

from django import forms

YES_NO = [("yes", "Yes"), ("no", "No")]


def _lower_first(label: str) -> str:
    return f"{label[0].lower()}{label[1:]}"


class YesNoField(forms.ChoiceField):
    """Yes/No radios that clean to True/False, or None when left blank (so the service can say
    what is missing); a stored True/False shows as the chosen radio."""

    widget = forms.RadioSelect

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(choices=YES_NO, **kwargs)

    def prepare_value(self, value):
        return {True: "yes", False: "no"}.get(value, value)

    def clean(self, value):
        chosen = super().clean(value)
        return {"yes": True, "no": False}.get(chosen)


def as_answer(value) -> str | None:
    """A stored True/False/None as the yes/no radio's value."""
    return {True: "yes", False: "no"}.get(value)


class TimeField(forms.CharField):
    """A 24-hour time typed as 14:30 (or 14.30, or 1430)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", "24-hour clock, for example 14:30")
        super().__init__(**kwargs)

    def clean(self, value):
        text = (super().clean(value) or "").strip().replace(".", ":")
        if not text:
            return None
        if ":" not in text and len(text) in (3, 4) and text.isdigit():
            text = f"{text[:-2]}:{text[-2:]}"
        hours, _, minutes = text.partition(":")
        if not (hours.isdigit() and minutes.isdigit()) or not (0 <= int(hours) < 24 and 0 <= int(minutes) < 60):
            raise forms.ValidationError(f"{self.label} must be a real time, for example 14:30")
        return time(int(hours), int(minutes))


def text(label: str, help_text: str = "", required: bool = False, message: str = "") -> forms.CharField:
    """Free text in a text area; ``message`` says what is missing when it is required."""
    return forms.CharField(label=label, help_text=help_text, required=required, widget=forms.Textarea,
                           error_messages={"required": message or f"Enter {_lower_first(label)}"})


def line(label: str, help_text: str = "", required: bool = False, max_length: int = 160) -> forms.CharField:
    return forms.CharField(label=label, help_text=help_text, required=required, max_length=max_length)


def radios(label: str, choices, help_text: str = "", required: bool = False) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, help_text=help_text, choices=choices, widget=forms.RadioSelect,
                             required=required, error_messages={"required": f"Select {_lower_first(label)}"})


def yes_no(label: str, help_text: str = "") -> YesNoField:
    return YesNoField(label=label, help_text=help_text)


def time_field(label: str, required: bool = False) -> TimeField:
    return TimeField(label=label, required=required)


def version_field() -> forms.IntegerField:
    """The version of the record the page was opened on (optimistic concurrency, ADR 0005)."""
    return forms.IntegerField(widget=forms.HiddenInput)


def blank_first(choices, label: str = "Select") -> list:
    return [("", label), *choices]
