"""Field builders shared by the child protection forms. Rules that also bind the API live in the
services; these turn typed text into values and give GOV.UK messages."""

from django import forms

from lantern.web.forms import DateField, GovUKForm, single_action_field

YES_NO = [("yes", "Yes"), ("no", "No")]


def text(label: str, help_text: str = "", required: bool = False) -> forms.CharField:
    return forms.CharField(label=label, help_text=help_text, required=required, widget=forms.Textarea,
                           error_messages={"required": f"Enter {label[0].lower()}{label[1:]}"})


def line(label: str, help_text: str = "", required: bool = False, max_length: int = 160) -> forms.CharField:
    return forms.CharField(label=label, help_text=help_text, required=required, max_length=max_length)


def yes_no(label: str, help_text: str = "") -> forms.TypedChoiceField:
    """A yes/no question as radios; unanswered is None, so the service can say what is missing."""
    return forms.TypedChoiceField(label=label, help_text=help_text, choices=YES_NO, widget=forms.RadioSelect,
                                  coerce=lambda v: v == "yes", empty_value=None, required=False)


def radios(label: str, choices, help_text: str = "", required: bool = False) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, help_text=help_text, choices=choices, widget=forms.RadioSelect,
                             required=required, error_messages={"required": f"Select {label[0].lower()}{label[1:]}"})


def time_field(label: str, required: bool = False) -> forms.TimeField:
    return forms.TimeField(label=label, help_text="24-hour clock, for example 14:30", required=required,
                           input_formats=["%H:%M", "%H.%M", "%H%M"],
                           error_messages={"invalid": f"{label} must be a time like 14:30",
                                           "required": f"Enter the {label[0].lower()}{label[1:]}"})


def version_field() -> forms.IntegerField:
    return forms.IntegerField(widget=forms.HiddenInput)


class ActionForm(GovUKForm):
    """One action: what, who, by when, and how we will know it worked."""

    what = text("What will be done", "One clear thing, for example 'Dad attends the parenting programme'")
    owner = line("Who will do it", "A named person or agency, for example 'Dr Patel, Oakfield Surgery'")
    due_date = DateField(label="By when", required=False)
    success_measure = text("How we will know it worked", "What will be different for the child")

    ACTION_FIELDS = ("what", "owner", "due_date", "success_measure")

    def field_for_service_key(self, key: str) -> str | None:
        return single_action_field(key)

    def action(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in self.ACTION_FIELDS}


def staff_label(user) -> str:
    registered = "registered social worker" if user.is_registered_social_worker else "not a registered social worker"
    return f"{user} ({user.get_role_display()}, {registered})"
