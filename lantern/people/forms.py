"""Forms for children's records. Field rules that also bind the API live in models and services;
these forms only turn typed text into values and show GOV.UK messages."""

from django import forms

from lantern.web.forms import DateField, GovUKForm

from .codes import LANGUAGES, Disability, Ethnicity, RelationshipType, Religion, Sex
from .validators import normalise_identifier, validate_nhs_number, validate_upn


def _blank_first(choices, label="Select"):
    return [("", label), *choices]


class PersonDetailsForm(GovUKForm):
    first_name = forms.CharField(label="First name", max_length=80,
                                 error_messages={"required": "Enter the first name"})
    middle_names = forms.CharField(label="Middle names", max_length=120, required=False)
    last_name = forms.CharField(label="Last name", max_length=80, error_messages={"required": "Enter the last name"})
    known_as = forms.CharField(label="Also known as", max_length=120, required=False,
                               help_text="Other names or spellings the child is known by")
    date_of_birth = DateField(label="Date of birth", required=False, help_text="For example, 27 3 2016")
    sex = forms.ChoiceField(label="Sex", choices=Sex.choices, widget=forms.RadioSelect, initial=Sex.UNKNOWN)


class ChildForm(PersonDetailsForm):
    expected_date_of_birth = DateField(label="Expected date of birth", required=False,
                                       help_text="Only for an unborn child")
    ethnicity = forms.ChoiceField(label="Ethnicity", choices=Ethnicity.choices, initial=Ethnicity.NOBT)
    first_language = forms.ChoiceField(label="First language", required=False,
                                       choices=_blank_first([(x, x) for x in LANGUAGES], "Not known"))
    interpreter_required = forms.BooleanField(label="Needs an interpreter", required=False)
    religion = forms.ChoiceField(label="Religion", choices=Religion.choices, initial=Religion.NOT_STATED)
    disabilities = forms.MultipleChoiceField(label="Disability", choices=Disability.choices, required=False,
                                             widget=forms.CheckboxSelectMultiple,
                                             help_text="Select all that apply, or 'No disability'")
    nhs_number = forms.CharField(label="NHS number", required=False, max_length=14,
                                 help_text="10 digits, for example 999 000 0018", validators=[validate_nhs_number],
                                 error_messages={"max_length": "NHS number must be 10 digits"})
    upn = forms.CharField(label="Unique pupil number (UPN)", required=False, max_length=16,
                          validators=[validate_upn], help_text="13 characters, for example G333000000011",
                          error_messages={"max_length": "Unique pupil number must be 13 characters"})

    def clean_nhs_number(self):
        return normalise_identifier(self.cleaned_data["nhs_number"])

    def clean_upn(self):
        return normalise_identifier(self.cleaned_data["upn"])

    def clean(self):
        data = super().clean()
        if not data.get("date_of_birth") and not data.get("expected_date_of_birth") and not self.errors:
            self.add_error("date_of_birth", "Enter a date of birth, or an expected date of birth for an unborn child")
        return data


class ChildCreateForm(ChildForm):
    confirmed_not_duplicate = forms.BooleanField(required=False, widget=forms.HiddenInput)


class ChildEditForm(ChildForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class FamilyMemberForm(PersonDetailsForm):
    relationship_type = forms.ChoiceField(label="Relationship to the child",
                                          choices=_blank_first(RelationshipType.choices),
                                          error_messages={"required": "Select the relationship to the child"})
    lives_with_child = forms.BooleanField(label="Lives in the child's household", required=False)
    has_parental_responsibility = forms.BooleanField(label="Has parental responsibility", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date_of_birth"].help_text = "If known, for example 14 8 1990"


class LinkRelativeForm(GovUKForm):
    relative_id = forms.CharField(label="Lantern ID of the person", max_length=12,
                                  help_text="For example LN0012345: a brother or sister with their own record, or a "
                                            "parent already recorded for another child",
                                  error_messages={"required": "Enter the Lantern ID of the person"})
    relationship_type = forms.ChoiceField(label="Relationship to the child",
                                          choices=_blank_first(RelationshipType.choices),
                                          error_messages={"required": "Select the relationship to the child"})
    lives_with_child = forms.BooleanField(label="Lives in the child's household", required=False)
    has_parental_responsibility = forms.BooleanField(label="Has parental responsibility", required=False)

    def clean_relative_id(self):
        value = self.cleaned_data["relative_id"].strip().upper()
        digits = value[2:] if value.startswith("LN") else value
        if not digits.isdigit():
            raise forms.ValidationError("Enter a Lantern ID like LN0012345")
        return int(digits)


class AddressForm(GovUKForm):
    line_1 = forms.CharField(label="Address line 1", max_length=120,
                             error_messages={"required": "Enter address line 1"})
    line_2 = forms.CharField(label="Address line 2", max_length=120, required=False)
    town = forms.CharField(label="Town or city", max_length=80, error_messages={"required": "Enter the town or city"})
    postcode = forms.RegexField(label="Postcode", max_length=10,
                                regex=r"^\s*[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}\s*$",
                                error_messages={"required": "Enter the postcode",
                                                "invalid": "Enter a real postcode, like LZ1 2AB"})
    moved_in = DateField(label="Date the child moved in",
                         error_messages={"required": "Enter the date the child moved in"})


class AllocationForm(GovUKForm):
    team: forms.ModelChoiceField = forms.ModelChoiceField(label="Team", queryset=None, empty_label="Select a team",
                                  error_messages={"required": "Select a team"})
    worker: forms.ModelChoiceField = forms.ModelChoiceField(label="Allocated worker", queryset=None, required=False,
                                    empty_label="Unallocated within the team")
    start_date = DateField(label="Allocation starts on", error_messages={"required": "Enter the start date"})
    reason = forms.CharField(label="Reason for the change", max_length=200, required=False)

    def __init__(self, *args, teams, workers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams
        self.fields["worker"].queryset = workers
        self.fields["worker"].label_from_instance = lambda u: f"{u.get_full_name()} ({u.team}, {u.get_role_display()})"


class InvolvementForm(GovUKForm):
    agency: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Agency", queryset=None, empty_label="Select an agency",
                                    error_messages={"required": "Select the agency"})
    practitioner: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Practitioner with a Lantern account", queryset=None, required=False,
                                          empty_label="Not a Lantern user",
                                          help_text="Choose them to share this child's summary with them")
    practitioner_name = forms.CharField(label="Or the practitioner's name", max_length=120, required=False)
    role = forms.CharField(label="Role", max_length=120, help_text="For example, designated safeguarding lead",
                           error_messages={"required": "Enter the practitioner's role"})
    contact_details = forms.CharField(label="Contact details", max_length=200, required=False)
    start_date = DateField(label="Involved since", error_messages={"required": "Enter the date they became involved"})

    def __init__(self, *args, agencies, practitioners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        self.fields["practitioner"].queryset = practitioners
        self.fields["practitioner"].label_from_instance = lambda u: f"{u.get_full_name()} ({u.agency})"

    def clean(self):
        data = super().clean()
        if not data.get("practitioner") and not data.get("practitioner_name"):
            self.add_error("practitioner_name", "Choose a practitioner or enter their name")
        return data


class SearchForm(forms.Form):
    q = forms.CharField(label="Search", required=False, max_length=200)
