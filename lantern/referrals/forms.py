"""Forms for referrals, transfers and managers' decisions. Rules that also bind the API live in the
services; these forms turn typed text into values and show GOV.UK messages."""

from django import forms

from lantern.web.fields import blank_first
from lantern.web.forms import DateField, GovUKForm

from .codes import PrimaryNeed, ReferralSource


class ReferralForm(GovUKForm):
    referral_date = DateField(label="Date of the referral", help_text="The day it was received, for example 3 3 2025",
                              error_messages={"required": "Enter the date of the referral"})
    referral_source = forms.ChoiceField(label="Where the referral came from",
                                        choices=blank_first(ReferralSource.choices),
                                        error_messages={"required": "Select where the referral came from"})
    primary_need = forms.ChoiceField(label="Primary need", choices=blank_first(PrimaryNeed.choices), required=False,
                                     help_text="Needed unless there is no further action at referral")
    referral_nfa = forms.BooleanField(label="No further action at referral", required=False)


class TransferForm(GovUKForm):
    to_team: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Team taking on the work", queryset=None, empty_label="Select a team",
        error_messages={"required": "Select the team taking on the work"})
    to_worker: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Worker taking on the work", queryset=None, required=False,
        empty_label="Not yet allocated within the team")
    transfer_date = DateField(label="Date of the transfer",
                              error_messages={"required": "Enter the date of the transfer"})
    summary = forms.CharField(label="Transfer summary", widget=forms.Textarea,
                              help_text="What has happened, what the plan is, and what the new worker must do first",
                              error_messages={"required": "Enter the transfer summary"})
    risk_evaluation = forms.CharField(label="Current evaluation of risk", widget=forms.Textarea,
                                      help_text="The risks to the child now, what keeps them safe, and how sure "
                                                "you are",
                                      error_messages={"required": "Enter the current evaluation of risk"})

    def __init__(self, *args, teams, workers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_team"].queryset = teams
        self.fields["to_worker"].queryset = workers
        self.fields["to_worker"].label_from_instance = lambda u: f"{u.get_full_name()} ({u.team})"


class ManagerDecisionForm(GovUKForm):
    decision = forms.ChoiceField(label="Your decision", widget=forms.RadioSelect,
                                 choices=[("approve", "Approve"), ("decline", "Decline")],
                                 error_messages={"required": "Select approve or decline"})
    rationale = forms.CharField(label="Reason for your decision", widget=forms.Textarea,
                                help_text="Recorded on the child's file as the manager's rationale",
                                error_messages={"required": "Enter the reason for your decision"})
