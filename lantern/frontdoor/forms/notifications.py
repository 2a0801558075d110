"""Uploading police notifications, triaging one, and recording the MARAC outcome."""

from django import forms

from lantern.tasks.uploads import too_large_message
from lantern.web.fields import YesNoField, blank_first
from lantern.web.forms import DateField, GovUKForm

from ..codes import MaracOutcome, RiskLevel
from .contacts import VersionedForm

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class UploadForm(GovUKForm):
    file = forms.FileField(label="Upload a CSV file", help_text="Columns: police_reference, incident_date, "
                           "victim_name, perpetrator_name, address, postcode, children_in_household (Y, N or U), "
                           "children_details, dash_risk (standard, medium or high)",
                           error_messages={"required": "Select a CSV file"})

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(too_large_message(MAX_UPLOAD_BYTES))
        return upload  # read as a stream by the service, never whole


class TriageForm(VersionedForm):
    risk_level = forms.ChoiceField(label="Risk level (DASH checklist)", choices=RiskLevel.choices,
                                   widget=forms.RadioSelect,
                                   error_messages={"required": "Select the risk level from the DASH checklist"})
    children_present = YesNoField(label="Do children live in the household?",
                                  error_messages={"required": "Say whether children live in the household"})
    raise_contact = forms.BooleanField(label="Raise a contact for screening", required=False,
                                       help_text="Required at medium or high risk when children live there")
    marac_referred = forms.BooleanField(label="Referred to MARAC", required=False,
                                        help_text="Required at high risk")
    notes = forms.CharField(label="Triage notes", widget=forms.Textarea, required=False)


class MaracForm(VersionedForm):
    outcome = forms.ChoiceField(label="MARAC outcome", choices=blank_first(MaracOutcome.choices),
                                error_messages={"required": "Select the MARAC outcome"})
    marac_date = DateField(label="Date of the conference", required=False)
