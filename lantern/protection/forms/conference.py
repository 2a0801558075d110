"""Forms for arranging a conference, inviting agencies, the reports, and the minutes."""

from django import forms

from lantern.referrals.forms import blank_first
from lantern.web.fields import line, text, time_field, version_field
from lantern.web.forms import DateField, GovUKForm

from ..codes import MeetingAgency
from .common import ActionForm


class ArrangeForm(GovUKForm):
    conference_date = DateField(label="Date of the conference", error_messages={
        "required": "Enter the date of the conference"})
    starts_at = time_field("Start time")
    chair: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Chair", queryset=None, required=False, empty_label="Select the chair",
        help_text="Independent of the case: not the allocated worker or their managers")
    late_reason = text("If the conference is after its due date, why")

    def __init__(self, *args, chairs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chair"].queryset = chairs


class InviteForm(GovUKForm):
    agency_kind = forms.ChoiceField(label="Kind of agency", choices=blank_first(MeetingAgency.choices), required=False)
    agency: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Agency", queryset=None, required=False, empty_label="Not listed")
    invitee_name = line("Name of the person invited")

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies


class SocialWorkReportForm(GovUKForm):
    social_work_report = text("Social work report", "What you found, your analysis of risk, and your recommendation")
    report_shared_on = DateField(label="Date shared with the parents", required=False,
                                 help_text="Leave empty until you have shared it")
    report_late_reason = text("If it was shared late, why",
                              "It is due a set number of working days before the conference (local policy)")
    version = version_field()


class AgencyReportForm(GovUKForm):
    report = text("Your agency's report", "What your agency knows about the child and family, your view of the "
                  "risks, and what your agency can offer")
    version = version_field()


class MinutesForm(GovUKForm):
    circulated_on = DateField(label="Date the minutes were circulated", error_messages={
        "required": "Enter the date the minutes were circulated"})
    late_reason = text("If they were circulated late, why")
    version = version_field()


class StepDownPlanForm(ActionForm):
    outcomes = text("What must change for the child", "The outcomes the child in need plan is for")
    field_order = ["outcomes", *ActionForm.ACTION_FIELDS]
