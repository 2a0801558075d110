from django import forms

from lantern.web.forms import GovUKForm


class BreakGlassForm(GovUKForm):
    reason = forms.CharField(
        label="Why do you need to open this record now?", widget=forms.Textarea, min_length=20, max_length=1000,
        help_text="Your reason is kept, your access is recorded, and an administrator will review it.",
        error_messages={"required": "Enter why you need to open this record",
                        "min_length": "Give a fuller reason (at least 20 characters)"},
    )


class BreakGlassWriteForm(GovUKForm):
    reason = forms.CharField(
        label="Why do you need to change this record?", widget=forms.Textarea, min_length=20, max_length=1000,
        help_text="Break-glass access lets you read this record. To change it you need a reason of its own: it is "
                  "kept, the people named on the record are told, and it is reviewed with your access.",
        error_messages={"required": "Enter why you need to change this record",
                        "min_length": "Give a fuller reason (at least 20 characters)"},
    )


class RestrictionForm(GovUKForm):
    is_restricted = forms.BooleanField(label="Restrict this record to named people", required=False)
    named_users: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label="Named people", queryset=None, required=False,
                                                 widget=forms.CheckboxSelectMultiple,
                                                 help_text="Only these people can open the record")
    reason = forms.CharField(label="Reason for the change", max_length=300,
                             error_messages={"required": "Enter the reason for the change"})

    def __init__(self, *args, users, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["named_users"].queryset = users
        self.fields["named_users"].label_from_instance = lambda u: f"{u.get_full_name()}, {u.get_role_display()}"


class BreakGlassReviewForm(GovUKForm):
    note = forms.CharField(label="Review note", widget=forms.Textarea, max_length=1000,
                           error_messages={"required": "Enter what you found"})
