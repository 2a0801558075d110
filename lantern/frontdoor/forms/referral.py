"""The online referral form's question pages: one question, or a small group, per page."""

from django import forms

from lantern.people.codes import RelationshipType, Sex
from lantern.web.fields import YesNoField, blank_first
from lantern.web.forms import DateField

from ..codes import NotDiscussedReason
from .contacts import VersionedForm
from .decisions import LevelChoiceField


class AboutYouForm(VersionedForm):
    referrer_role = forms.CharField(label="Your job title or role", max_length=120,
                                    error_messages={"required": "Enter your job title or role"})
    referrer_phone = forms.CharField(label="Phone number", max_length=40, help_text="The front door may call you",
                                     error_messages={"required": "Enter a phone number the front door can call you on"})
    referrer_email = forms.EmailField(label="Email address", max_length=160, required=False,
                                      error_messages={"invalid": "Enter an email address like name@example.org"})


class ConcernForm(VersionedForm):
    concern = forms.CharField(label="What are you worried about?", widget=forms.Textarea,
                              help_text="What happened, when, and what you saw or were told",
                              error_messages={"required": "Describe what you are worried about"})
    child_views = forms.CharField(label="What does the child say? (optional)", widget=forms.Textarea, required=False)
    immediate_risk = YesNoField(label="Is a child at risk of significant harm now?",
                                help_text="If a child is in immediate danger, call 999 first",
                                error_messages={"required": "Say whether a child is at risk of significant harm now"})


class LevelForm(VersionedForm):
    referrer_level = LevelChoiceField(label="Which level of need do you think this is?", queryset=None,
                                      widget=forms.RadioSelect, empty_label=None,
                                      help_text="Use the threshold guidance. The front door makes the decision.",
                                      error_messages={"required": "Select the level of need you think this is"})

    def __init__(self, *args, levels, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["referrer_level"].queryset = levels


class ParentsForm(VersionedForm):
    discussed_with_parents = YesNoField(
        label="Have you discussed this referral with the child's parents or carers?",
        help_text="Tell parents unless that would put a child at risk of significant harm",
        error_messages={"required": "Say whether you discussed this with the child's parents or carers"})


class ParentsWhyForm(VersionedForm):
    not_discussed_reason = forms.ChoiceField(label="Why have you not discussed it with them?",
                                             choices=NotDiscussedReason.choices, widget=forms.RadioSelect,
                                             error_messages={"required": "Select why it was not discussed with the "
                                                                         "parents or carers"})
    not_discussed_detail = forms.CharField(label="Tell us more", widget=forms.Textarea, required=False,
                                           help_text="Needed if you chose another reason")

    def clean(self):
        data = super().clean()
        if data.get("not_discussed_reason") == NotDiscussedReason.OTHER and not data.get("not_discussed_detail"):
            self.add_error("not_discussed_detail", "Explain why it was not discussed with the parents or carers")
        return data


class ReferralPersonForm(VersionedForm):
    first_name = forms.CharField(label="First name", max_length=80, error_messages={"required": "Enter the first name"})
    last_name = forms.CharField(label="Last name", max_length=80, error_messages={"required": "Enter the last name"})
    date_of_birth = DateField(label="Date of birth", required=False, help_text="If known, for example 14 8 2016")
    sex = forms.ChoiceField(label="Sex", choices=Sex.choices, widget=forms.RadioSelect, initial=Sex.UNKNOWN)
    address = forms.CharField(label="Address", max_length=240, required=False)


class ReferralAdultForm(ReferralPersonForm):
    relationship = forms.ChoiceField(label="Relationship to the child or children",
                                     choices=blank_first(RelationshipType.choices),
                                     error_messages={"required": "Select their relationship to the child"})


class SubmitForm(VersionedForm):
    pass
