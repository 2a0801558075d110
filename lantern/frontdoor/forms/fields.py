"""Small form pieces the front door pages share."""

from datetime import time

from django import forms

YES_NO = [("yes", "Yes"), ("no", "No")]


class YesNoField(forms.ChoiceField):
    """Yes/No radios that clean to True/False (or None when left blank and not required)."""

    widget = forms.RadioSelect

    def __init__(self, **kwargs):
        super().__init__(choices=YES_NO, **kwargs)

    def prepare_value(self, value):
        if value is True:
            return "yes"
        if value is False:
            return "no"
        return value

    def clean(self, value):
        chosen = super().clean(value)
        return {"yes": True, "no": False}.get(chosen)


def as_answer(value):
    """A stored True/False/None shown back in a YesNoField."""
    return {True: "yes", False: "no"}.get(value)


class TimeField(forms.CharField):
    """A 24-hour time typed as 14:30 (or 1430)."""

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


def blank_first(choices, label="Select"):
    return [("", label), *choices]
