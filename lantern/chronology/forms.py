from django import forms

from lantern.web.forms import GovUKForm


class FilterForm(forms.Form):
    kind = forms.MultipleChoiceField(label="Show", required=False, widget=forms.CheckboxSelectMultiple)
    significant = forms.BooleanField(label="Only events marked as significant", required=False)

    def __init__(self, *args, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(k.kind, k.label) for k in kinds]


class SignificanceForm(GovUKForm):
    significant = forms.TypedChoiceField(label="Is this event significant?", widget=forms.RadioSelect,
                                         coerce=lambda v: v == "yes",
                                         choices=[("yes", "Yes, mark it as significant"),
                                                  ("no", "No, remove the mark")],
                                         error_messages={"required": "Select yes or no"})
    note = forms.CharField(label="Why it matters (optional)", max_length=300, required=False, widget=forms.Textarea,
                           error_messages={"max_length": "Keep the note to 300 characters or fewer"})
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
