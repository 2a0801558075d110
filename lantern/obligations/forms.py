from django import forms

from lantern.timescales.periods import PeriodUnit
from lantern.web.forms import DateField, GovUKForm

UNIT_CHOICES = [(PeriodUnit.WORKING_DAYS.value, "Working days"), (PeriodUnit.WEEKS.value, "Weeks"),
                (PeriodUnit.MONTHS.value, "Months")]


class LocalPolicyForm(GovUKForm):
    amount = forms.IntegerField(label="How many", min_value=1, max_value=365,
                                error_messages={"required": "Enter how many", "min_value": "Enter 1 or more",
                                                "invalid": "Enter a whole number"})
    unit = forms.ChoiceField(label="Of what", choices=UNIT_CHOICES, widget=forms.RadioSelect)
    applies = forms.ChoiceField(
        label="Which deadlines does it apply to?", widget=forms.RadioSelect, initial="from",
        choices=[("from", "Deadlines whose clock starts on or after the date below"),
                 ("all", "Every deadline, including those already past")],
        error_messages={"required": "Choose which deadlines the value applies to"})
    effective_from = DateField(label="Starting on", required=False,
                               help_text="Deadlines that started before this date keep the value in force then")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("applies") == "from" and not cleaned.get("effective_from") \
                and "effective_from" not in self.errors:
            self.add_error("effective_from", "Enter the date the value starts on")
        return cleaned


class ClosureDayForm(GovUKForm):
    day = DateField(label="Closure day", error_messages={"required": "Enter the date the authority is closed"})
    label = forms.CharField(label="Reason", max_length=120, help_text="For example, Christmas closure",
                            error_messages={"required": "Enter the reason for the closure"})
