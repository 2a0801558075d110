"""Forms the screener uses: recording a contact, naming people, matching them, agency checks."""

from datetime import datetime

from django import forms
from django.utils import timezone

from lantern.people.codes import RelationshipType, Sex
from lantern.referrals.codes import ReferralSource
from lantern.web.fields import TimeField, YesNoField, blank_first
from lantern.web.forms import DateField, GovUKForm

from ..codes import NotDiscussedReason, PersonRole


class VersionedForm(GovUKForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class ParentsMixin(forms.Form):
    discussed_with_parents = YesNoField(label="Has the concern been discussed with the child's parents or carers?",
                                        error_messages={"required": "Say whether it was discussed with the parents "
                                                                    "or carers"})
    not_discussed_reason = forms.ChoiceField(label="If not, why not?", required=False,
                                             choices=blank_first(NotDiscussedReason.choices, "Select a reason"))
    not_discussed_detail = forms.CharField(label="More about why not", required=False, widget=forms.Textarea)


class ContactRecordForm(ParentsMixin, GovUKForm):
    source = forms.ChoiceField(label="Where did the contact come from?", choices=blank_first(ReferralSource.choices),
                               error_messages={"required": "Select where the contact came from"})
    received_date = DateField(label="Date received", help_text="For example, 27 3 2025",
                              error_messages={"required": "Enter the date it was received"})
    received_time = TimeField(label="Time received", help_text="24-hour clock, for example 14:30", max_length=5,
                              error_messages={"required": "Enter the time it was received"})
    referrer_name = forms.CharField(label="Referrer's name", max_length=120, required=False)
    referrer_role = forms.CharField(label="Referrer's role", max_length=120, required=False)
    referrer_organisation = forms.CharField(label="Referrer's organisation", max_length=160, required=False)
    referrer_phone = forms.CharField(label="Referrer's phone number", max_length=40, required=False)
    concern = forms.CharField(label="What is the concern?", widget=forms.Textarea,
                              error_messages={"required": "Describe the concern"})
    child_views = forms.CharField(label="What does the child say, if known?", widget=forms.Textarea, required=False)
    immediate_risk = YesNoField(label="Is a child at risk of significant harm now?",
                                error_messages={"required": "Say whether a child is at risk of significant harm now"})
    child_first_name = forms.CharField(label="Child's first name", max_length=80,
                                       error_messages={"required": "Enter the child's first name"})
    child_last_name = forms.CharField(label="Child's last name", max_length=80,
                                      error_messages={"required": "Enter the child's last name"})
    child_date_of_birth = DateField(label="Child's date of birth", required=False, help_text="If known")
    child_address = forms.CharField(label="Child's address", max_length=240, required=False)

    def field_for_service_key(self, key: str) -> str | None:
        """The one child this form names is the contact's first person (``people.0.first_name``)."""
        return f"child_{key.removeprefix('people.0.')}" if key.startswith("people.0.") else None

    def received_at(self) -> datetime:
        data = self.cleaned_data
        return timezone.make_aware(datetime.combine(data["received_date"], data["received_time"]))


class PersonForm(VersionedForm):
    role = forms.ChoiceField(label="Who is this?", choices=PersonRole.choices, widget=forms.RadioSelect,
                             error_messages={"required": "Select whether this is a child or an adult"})
    first_name = forms.CharField(label="First name", max_length=80, error_messages={"required": "Enter the first name"})
    last_name = forms.CharField(label="Last name", max_length=80, error_messages={"required": "Enter the last name"})
    date_of_birth = DateField(label="Date of birth", required=False, help_text="If known, for example 14 8 2016")
    sex = forms.ChoiceField(label="Sex", choices=Sex.choices, widget=forms.RadioSelect, initial=Sex.UNKNOWN)
    address = forms.CharField(label="Address", max_length=240, required=False)
    relationship = forms.ChoiceField(label="Relationship to the child (adults)", required=False,
                                     choices=blank_first(RelationshipType.choices, "Not known"))


class MatchForm(VersionedForm):
    person = forms.IntegerField(widget=forms.HiddenInput)


class AdultCreateForm(VersionedForm):
    child = forms.TypedChoiceField(label="Whose family member are they?", coerce=int, widget=forms.RadioSelect,
                                   error_messages={"required": "Select the child they are related to"})
    relationship_type = forms.ChoiceField(label="Relationship to the child",
                                          choices=blank_first(RelationshipType.choices),
                                          error_messages={"required": "Select the relationship to the child"})
    lives_with_child = forms.BooleanField(label="Lives in the child's household", required=False)
    has_parental_responsibility = forms.BooleanField(label="Has parental responsibility", required=False)

    def __init__(self, *args, children, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["child"].choices = [(p.pk, f"{p.full_name} ({p.lantern_id})") for p in children]


class AgencyCheckForm(GovUKForm):
    agency: forms.ModelChoiceField = forms.ModelChoiceField(label="Agency", queryset=None, required=False,
                                                            empty_label="Select an agency")
    agency_name = forms.CharField(label="Or the agency's name", max_length=160, required=False)
    asked_on = DateField(label="Date asked", error_messages={"required": "Enter the date the agency was asked"})
    response = forms.CharField(label="What did the agency say?", widget=forms.Textarea,
                               error_messages={"required": "Enter what the agency said"})

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies


class ScreeningNotesForm(VersionedForm):
    screening_notes = forms.CharField(label="Screening notes", widget=forms.Textarea, required=False,
                                      help_text="What you found in records and from agencies. Do not visit or "
                                                "assess the family here: if they need to be seen, refer for "
                                                "assessment.")
