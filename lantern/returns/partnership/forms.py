"""Choosing the compendium's period with two GOV.UK date inputs."""

from django.utils import timezone

from lantern.web.forms import DateField, GovUKForm

from .period import Period, period_errors


class PeriodForm(GovUKForm):
    start = DateField(label="First day of the period", help_text="For example 1 4 2025",
                      error_messages={"required": "Enter the first day of the period"})
    end = DateField(label="Last day of the period", help_text="Today or earlier, for example 31 3 2026",
                    error_messages={"required": "Enter the last day of the period"})

    def clean(self):
        cleaned = super().clean()
        for field, message in period_errors(cleaned.get("start"), cleaned.get("end"), timezone.localdate()).items():
            if field not in self.errors:  # a date that could not be read already says so
                self.add_error(field, message)
        return cleaned

    @property
    def period(self) -> Period:
        return Period(self.cleaned_data["start"], self.cleaned_data["end"])
