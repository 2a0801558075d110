"""The decision and its authorisation."""

from django import forms

from lantern.referrals.codes import PrimaryNeed
from lantern.web.fields import blank_first
from lantern.web.forms import GovUKForm

from ..codes import Outcome
from .contacts import VersionedForm


class LevelChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class DecisionForm(VersionedForm):
    threshold_level = LevelChoiceField(label="Level of need", queryset=None, widget=forms.RadioSelect,
                                       empty_label=None, error_messages={"required": "Select the level of need"})
    outcome = forms.ChoiceField(label="Decision", choices=Outcome.choices, widget=forms.RadioSelect,
                                error_messages={"required": "Select the decision"})
    rationale = forms.CharField(label="Why this level and this decision?", widget=forms.Textarea,
                                error_messages={"required": "Explain why this level and this decision"})
    primary_need = forms.ChoiceField(label="Primary need (for a referral or strategy discussion)", required=False,
                                     choices=blank_first(PrimaryNeed.choices))
    nfa_reason = forms.CharField(label="Reason for no further action", widget=forms.Textarea, required=False)
    advice_given = forms.CharField(label="Advice and information given", widget=forms.Textarea, required=False)
    early_help_service = forms.CharField(label="Early help service", max_length=160, required=False)
    transfer_authority = forms.CharField(label="Local authority it is transferred to", max_length=160, required=False)
    referrer_feedback = forms.CharField(label="What to tell the referrer", widget=forms.Textarea, required=False,
                                        help_text="The referrer sees the decision and these words, not your rationale")
    late_reason = forms.CharField(label="If the decision is late, why?", widget=forms.Textarea, required=False)

    def __init__(self, *args, levels, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["threshold_level"].queryset = levels


class AuthoriseForm(VersionedForm):
    action = forms.ChoiceField(label="Your decision", widget=forms.RadioSelect,
                               choices=[("authorise", "Authorise the decision"),
                                        ("return", "Return it to the screener")],
                               error_messages={"required": "Select whether you authorise or return the decision"})
    comment = forms.CharField(label="Your comments", widget=forms.Textarea, required=False,
                              help_text="Needed when you return a decision")
    late_reason = forms.CharField(label="If the decision is late, why?", widget=forms.Textarea, required=False)


class StrategyArrangedForm(GovUKForm):
    pass
