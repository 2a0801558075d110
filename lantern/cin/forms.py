"""Forms for plans, actions, reviews, ending a plan, closure and step-down. Rules that also bind
the API live in the services."""

from django import forms

from lantern.casework.records import Progress
from lantern.referrals.codes import ClosureReason
from lantern.web.fields import blank_first, text
from lantern.web.forms import DateField, GovUKForm, single_action_field

from .models import ClosureKind


class ActionForm(GovUKForm):
    what = text("What will be done", "One clear thing, for example 'Mum attends the Freedom Programme'")
    owner = forms.CharField(label="Who will do it", max_length=160, required=False,
                            help_text="A named person or agency, for example 'Dr Patel, Oakfield Surgery'")
    due_date = DateField(label="By when", required=False)
    success_measure = text("How we will know it worked", "What will be different for the child")

    def field_for_service_key(self, key: str) -> str | None:
        return single_action_field(key)


class PlanForm(ActionForm):
    start_date = DateField(label="Date the plan starts", error_messages={"required": "Enter the date the plan starts"})
    outcomes = text("What must change for the child", "The outcomes the plan is for, in words the family understands")
    late_reason = text("If the plan is late, why", "Needed when the plan starts after its due date")
    field_order = ["start_date", "outcomes", "what", "owner", "due_date", "success_measure", "late_reason"]


class PlanEndForm(GovUKForm):
    end_date = DateField(label="Date the plan ends", error_messages={"required": "Enter the date the plan ends"})
    reason = text("Why the plan is ending", required=True)


class ReviewForm(GovUKForm):
    review_date = DateField(label="Date of the review", error_messages={"required": "Enter the date of the review"})
    child_views = text("The child's views", "What the child said about how things are, in their words")
    progress_summary = text("Overall progress", "What has changed for the child since the plan started")
    late_reason = text("If the review is late, why", "Needed when the review is after its due date")

    def __init__(self, *args, actions, **kwargs):
        super().__init__(*args, **kwargs)
        self.actions = actions
        for a in actions:
            self.fields[f"status_{a.pk}"] = forms.ChoiceField(label="Progress", choices=Progress.choices,
                                                              widget=forms.RadioSelect, required=False)
            self.fields[f"note_{a.pk}"] = text("Notes", "Needed when the action is not on track or not achieved")

    def action_fields(self):
        return [(a, self[f"status_{a.pk}"], self[f"note_{a.pk}"]) for a in self.actions]

    def progress(self) -> dict:
        data = self.cleaned_data
        return {a.pk: {"status": data.get(f"status_{a.pk}"), "note": data.get(f"note_{a.pk}", "")}
                for a in self.actions}


class ClosureForm(GovUKForm):
    kind = forms.ChoiceField(label="What do you propose?", widget=forms.RadioSelect, choices=ClosureKind.choices,
                             error_messages={"required": "Select whether to close or step down to early help"})
    closure_date = DateField(label="Closure date", error_messages={"required": "Enter the closure date"})
    reason = forms.ChoiceField(label="Reason for closure", choices=blank_first(
        [(c.value, f"{c.value}: {c.label}") for c in ClosureReason]),
        error_messages={"required": "Select the reason for closure"})
    risk_evaluation = text("Evaluation of risk", "The risks to the child now, what keeps them safe, why social care "
                           "is no longer needed, and what would mean the family should come back", required=True)
    early_help_team: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Early help team (step-down only)", queryset=None, required=False, empty_label="Select a team")
    family_told_on = DateField(label="Date the family was told about the step-down (step-down only)", required=False)

    def __init__(self, *args, early_help_teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["early_help_team"].queryset = early_help_teams


class StepDownResponseForm(GovUKForm):
    decision = forms.ChoiceField(label="Can early help take the family on?", widget=forms.RadioSelect,
                                 choices=[("accept", "Yes, we accept the step-down"),
                                          ("decline", "No, we cannot take the family on")],
                                 error_messages={"required": "Select whether early help accepts"})
    note = text("Notes", "If you cannot take the family on, say why")
