"""Forms for the section 47 enquiry: its lead, visits, the assessment of risk, the manager's outcome
decision, and written agreements."""

from django import forms

from lantern.web.fields import line, radios, text, time_field, version_field, yes_no
from lantern.web.forms import DateField, GovUKForm

from ..codes import EnquiryOutcome
from .common import staff_label


class LeadForm(GovUKForm):
    lead_worker: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Registered social worker leading the enquiry", queryset=None, required=False,
        empty_label="Select a social worker")
    version = version_field()

    def __init__(self, *args, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_worker"].queryset = staff
        self.fields["lead_worker"].label_from_instance = staff_label


class EnquiryVisitForm(GovUKForm):
    visit_date = DateField(label="Date of the visit", error_messages={"required": "Enter the date of the visit"})
    visit_time = time_field("Time of the visit")
    visited_by: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Who visited", queryset=None, required=False, empty_label="Select",
        help_text="Only a registered social worker makes a section 47 visit, out of hours included")
    child_seen = yes_no("Was the child seen?")
    not_seen_reason = text("If the child was not seen, why")
    seen_alone = yes_no("Was the child seen alone?")
    not_seen_alone_reason = text("If the child was not seen alone, why")
    notes = text("What you saw, heard and did")

    def __init__(self, *args, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["visited_by"].queryset = staff
        self.fields["visited_by"].label_from_instance = staff_label


class RiskForm(GovUKForm):
    risk_assessment = text("Assessment of risk", "What the risks to the child are, what keeps them safe, and how "
                           "sure you are. A written agreement and the outcome both rest on this.")
    version = version_field()


class OutcomeForm(GovUKForm):
    outcome = radios("Outcome of the enquiry", EnquiryOutcome.choices)
    outcome_rationale = text("Why", "Your reasons as the manager deciding")
    completed_on = DateField(label="Date the enquiry ended", error_messages={
        "required": "Enter the date the enquiry ended"})
    version = version_field()


class AgreementForm(GovUKForm):
    terms = text("What the family agrees to", "In words the family understands")
    monitored_by = line("Who checks the agreement is kept", "A named professional or agency, never the parents")
    monitoring = text("How they will check", "For example, unannounced visits twice a week")
    review_on = DateField(label="Review date", error_messages={"required": "Enter the review date"})


class DecideForm(GovUKForm):
    decision = radios("Your decision", [("approve", "Approve"), ("decline", "Decline")], required=True)
    rationale = text("Why", required=False)
