"""The authority's threshold levels and which decisions need authorisation."""

from django import forms

from lantern.web.forms import GovUKForm

from ..codes import Outcome
from .contacts import VersionedForm


class LevelForm(GovUKForm):
    name = forms.CharField(label="Name", max_length=80, error_messages={"required": "Enter the name of the level"})
    order = forms.IntegerField(label="Order", min_value=1, max_value=99, help_text="1 is the lowest level of need",
                               error_messages={"required": "Enter the order"})
    descriptor = forms.CharField(label="What this level means", widget=forms.Textarea,
                                 error_messages={"required": "Describe what this level means"})
    examples = forms.CharField(label="Examples", widget=forms.Textarea, required=False,
                               help_text="One example per line")
    allowed_outcomes = forms.MultipleChoiceField(label="Decisions that fit this level", choices=Outcome.choices,
                                                 widget=forms.CheckboxSelectMultiple,
                                                 error_messages={"required": "Select at least one decision"})
    is_active = forms.BooleanField(label="In use", required=False, initial=True)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class AuthorisationSettingsForm(VersionedForm):
    authorisation_required_for = forms.MultipleChoiceField(
        label="Which decisions need a manager's authorisation?", choices=Outcome.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="A manager's own decisions take effect at once")
