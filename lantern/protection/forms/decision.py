"""The chair's record of the conference: attendance of each invited agency, participation, the
decision, category and outline plan (with the plan's first action), and, at a review, progress on
every action of the plan."""

from django import forms

from lantern.casework.records import Progress
from lantern.referrals.forms import blank_first
from lantern.web.fields import radios, text, version_field, yes_no

from ..codes import (
    INITIAL_DECISIONS,
    REVIEW_DECISIONS,
    AfterPlan,
    Category,
    ChildParticipation,
    ParentParticipation,
)
from ..services.decisions import ConferenceDecisionAnswers
from .common import ActionForm


class DecisionForm(ActionForm):
    parents_participation = radios("How did the parents take part?", ParentParticipation.choices)
    child_participation = radios("How did the child take part?", ChildParticipation.choices)
    advocacy_offered = yes_no("Was advocacy offered to the child and the parents?")
    decision = radios("Decision", [])
    decision_rationale = text("Why", "The conference's reasons, including the agencies' views")
    category = forms.ChoiceField(label="Category of abuse", required=False, choices=blank_first(Category.choices),
                                 help_text="The initial category for a new plan; the latest category at a review")
    outline_plan = text("Outline plan", "What must change for the child (new plan only)")
    after_plan = radios("What happens next for the child (no plan, or the plan ends)", AfterPlan.choices)
    late_reason = text("If the decision is recorded late, why",
                       "It is due the working day after the conference (local policy)")
    version = version_field()

    def __init__(self, *args, conference, invitations, actions, **kwargs):
        super().__init__(*args, **kwargs)
        self.invitations, self.plan_actions, self.initial_conference = invitations, actions, conference.is_initial
        decisions = INITIAL_DECISIONS if conference.is_initial else REVIEW_DECISIONS
        self.fields["decision"].choices = [(d.value, d.label) for d in decisions]
        for i in invitations:
            self.fields[f"attended_{i.pk}"] = yes_no(f"Did {i.invitee_name} ({i.agency_label}) attend?")
        for a in actions:
            self.fields[f"status_{a.pk}"] = radios("Progress", Progress.choices)
            self.fields[f"note_{a.pk}"] = text("Notes", "Needed when the action is not on track or not achieved")
        if not conference.is_initial:
            for name in self.ACTION_FIELDS + ("outline_plan",):
                del self.fields[name]
        else:
            self.fields["what"].label = "The plan's first action: what will be done"

    def attendance_fields(self):
        return [self[f"attended_{i.pk}"] for i in self.invitations]

    def action_fields(self):
        return [(a, self[f"status_{a.pk}"], self[f"note_{a.pk}"]) for a in self.plan_actions]

    def attendance(self) -> dict:
        return {i.pk: self.cleaned_data.get(f"attended_{i.pk}") for i in self.invitations}

    def answers(self) -> ConferenceDecisionAnswers:
        """The chair's answers as the service takes them, under the names the API sends."""
        return ConferenceDecisionAnswers.from_data({
            **self.cleaned_data, "outline_plan": self.cleaned_data.get("outline_plan", ""),
            "attendance": self.attendance(), "progress": self.progress(),
            "first_action": self.action() if self.initial_conference else None})

    def progress(self) -> dict:
        data = self.cleaned_data
        return {a.pk: {"status": data.get(f"status_{a.pk}"), "note": data.get(f"note_{a.pk}", "")}
                for a in self.plan_actions}
