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


class ClosureDayForm(GovUKForm):
    day = DateField(label="Closure day", error_messages={"required": "Enter the date the authority is closed"})
    label = forms.CharField(label="Reason", max_length=120, help_text="For example, Christmas closure",
                            error_messages={"required": "Enter the reason for the closure"})
