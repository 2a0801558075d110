"""Forms for assessments: starting one, each section, and the manager's authorisation. The answers'
rules live in the services; a form only turns typed text into values for them."""

from django import forms

from lantern.web.fields import text, yes_no
from lantern.web.forms import DateField, GovUKForm

from .codes import FACTORS, AssessmentKind, AssessmentOutcome


class StartForm(GovUKForm):
    started_on = DateField(label="Date the assessment started", error_messages={"required": "Enter the start date"})
    kind = forms.ChoiceField(label="Kind of assessment", widget=forms.RadioSelect, required=False,
                             choices=[(AssessmentKind.INITIAL, AssessmentKind.INITIAL.label),
                                      (AssessmentKind.CORE, AssessmentKind.CORE.label)])
    reassessment_reason = text("What has changed that needs a new assessment",
                                     "This episode already has an authorised assessment. A change of worker or team "
                                     "is not a reason: the new team carries the assessment on.")

    def __init__(self, *args, legacy: bool, reassessing: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not legacy:
            del self.fields["kind"]
        if not reassessing:
            del self.fields["reassessment_reason"]


class SectionForm(GovUKForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    def service_data(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "version"}


class SeenForm(SectionForm):
    child_seen_on = DateField(label="Date the child was seen", required=False,
                              help_text="The day you saw the child during this assessment")
    seen_alone = yes_no("Was the child seen alone?")
    not_seen_alone_reason = text("If not, why not", "For example, the child's age, or what stopped it")


class ViewsForm(SectionForm):
    child_views = text("The child's views, wishes and feelings, in their own words",
                             "Write what the child said or showed you, as they said it. For a baby or a child who "
                             "does not speak, what you saw of their experience.")


class IdentityForm(SectionForm):
    identity_needs = text("How do the child's ethnicity, culture, language, religion and any disability shape "
                                "their needs?", "Include how you communicated with the child and family, and whether "
                                "an interpreter was used")


class HistoryForm(SectionForm):
    history_considered = text("What does the child's history tell you?",
                                    "Previous referrals, assessments and plans are listed beside this form")


class AnalysisForm(SectionForm):
    risks = text("Risks", "What could harm the child, how likely, and how serious")
    protective_factors = text("Strengths and protective factors", "What keeps the child safe and well")
    analysis = text("Analysis", "What the information means for the child: not a description of it, but "
                          "what you conclude and why")


class FactorsForm(SectionForm):
    factors = forms.MultipleChoiceField(label="Factors identified at the assessment", required=False,
                                        widget=forms.CheckboxSelectMultiple,
                                        choices=[(f.code, f"{f.code}: {f.label}") for f in FACTORS],
                                        help_text="Select all that apply, or 21 'No factors identified' on its own")


class OutcomeForm(SectionForm):
    outcome = forms.ChoiceField(label="Outcome of the assessment", widget=forms.RadioSelect, required=False,
                                choices=AssessmentOutcome.choices)
    outcome_reasons = text("Why this outcome")


class FamilyForm(SectionForm):
    """One yes/no question and one note for each of the child's recorded parents and carers."""

    parents_note = text("Anything else about the child's parents and carers",
                              "Including a parent not yet identified, such as a father whose name is not known")

    def __init__(self, *args, parents, **kwargs):
        super().__init__(*args, **kwargs)
        self.parents = parents
        for r in parents:
            carer = " (male carer)" if r.is_male_carer and r.relationship_type != "father" else ""
            name = f"{r.relative.full_name}, {r.get_relationship_type_display().split(' (')[0].lower()}{carer}"
            self.fields[f"engaged_{r.relative_id}"] = yes_no(f"Did {name} take part in the assessment?")
            self.fields[f"note_{r.relative_id}"] = text(
                f"How {r.relative.full_name} took part, or why not",
                "If they did not take part, say what was done to involve them")

    def person_fields(self):
        return [(r, self[f"engaged_{r.relative_id}"], self[f"note_{r.relative_id}"]) for r in self.parents]

    def service_data(self) -> dict:
        data = self.cleaned_data
        return {"parents_note": data.get("parents_note", ""),
                "engagements": {r.relative_id: {"engaged": data.get(f"engaged_{r.relative_id}"),
                                                "note": data.get(f"note_{r.relative_id}", "")} for r in self.parents}}


SECTION_FORMS = {"seen": SeenForm, "views": ViewsForm, "identity": IdentityForm, "family": FamilyForm,
                 "history": HistoryForm, "analysis": AnalysisForm, "factors": FactorsForm, "outcome": OutcomeForm}


class SubmitForm(GovUKForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class AuthoriseForm(GovUKForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(label="Your decision", widget=forms.RadioSelect,
                                 choices=[("authorise", "Authorise the assessment"),
                                          ("return", "Return it to the worker for more work")],
                                 error_messages={"required": "Select authorise or return"})
    authorised_on = DateField(label="Date of authorisation", required=False,
                              help_text="This is the assessment's completion date")
    rationale = text("Your rationale", "Why the analysis and the outcome are right for the child, or what "
                           "more is needed", required=True,
                           message="Enter your rationale")
    late_reason = text("If the assessment is late, why", "Needed when it is authorised after its due date")

    def clean(self):
        data = super().clean()
        if data.get("decision") == "authorise" and not data.get("authorised_on") and "authorised_on" not in self.errors:
            self.add_error("authorised_on", "Enter the date of authorisation")
        return data
