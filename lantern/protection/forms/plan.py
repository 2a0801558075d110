"""Forms for the plan: core group members, core group meetings, visits, updates, and the service
manager's decision on an early end."""

from django import forms

from lantern.casework.records import Progress
from lantern.referrals.forms import blank_first
from lantern.web.fields import line, radios, text, version_field, yes_no
from lantern.web.forms import DateField, GovUKForm

from ..codes import MeetingAgency


class MemberForm(GovUKForm):
    agency_kind = forms.ChoiceField(label="Kind of agency", choices=blank_first(MeetingAgency.choices), required=False)
    agency: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Agency", queryset=None, required=False, empty_label="Not listed")
    name = line("Name")
    role = line("Role")

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies


class CoreGroupForm(GovUKForm):
    held_on = DateField(label="Date of the core group", error_messages={"required": "Enter the date of the core group"})
    attendees = forms.MultipleChoiceField(label="Who attended", widget=forms.CheckboxSelectMultiple, required=False)
    summary = text("What the core group found and agreed")
    late_reason = text("If the core group is late, why")

    def __init__(self, *args, members, actions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].choices = [(m.pk, str(m)) for m in members]
        self.plan_actions = actions
        for a in actions:
            self.fields[f"status_{a.pk}"] = radios("Progress", Progress.choices)
            self.fields[f"note_{a.pk}"] = text("Notes", "Needed when the action is not on track or not achieved")

    def action_fields(self):
        return [(a, self[f"status_{a.pk}"], self[f"note_{a.pk}"]) for a in self.plan_actions]

    def progress(self) -> dict:
        data = self.cleaned_data
        return {a.pk: {"status": data.get(f"status_{a.pk}"), "note": data.get(f"note_{a.pk}", "")}
                for a in self.plan_actions}


class VisitForm(GovUKForm):
    visit_date = DateField(label="Date of the visit", error_messages={"required": "Enter the date of the visit"})
    child_seen = yes_no("Was the child seen?")
    not_seen_reason = text("If the child was not seen, why")
    seen_alone = yes_no("Was the child seen alone?")
    not_seen_alone_reason = text("If the child was not seen alone, why")
    bedroom_seen = yes_no("Did you see the child's bedroom?")
    child_words = text("What the child said, in their words", "For a baby, what you saw of them")
    observations = text("What you saw and did")
    late_reason = text("If the visit is late, why")


class UpdateForm(GovUKForm):
    action: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Which action is this about?", queryset=None, required=False, empty_label="The plan as a whole")
    text = text("Your update", "What has happened since the last core group")

    def __init__(self, *args, actions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].queryset = actions


class EarlyEndForm(GovUKForm):
    decision = radios("Your decision", [("approve", "The plan can end on the review's date"),
                                        ("refuse", "The plan continues")], required=True)
    rationale = text("Why", "Why the child is now safe enough, or why the plan must continue")
    version = version_field()
