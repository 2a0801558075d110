"""The period of a workbook, as two GOV.UK date inputs."""

from django.utils import timezone

from lantern.web.forms import DateField, GovUKForm

from .period import period_errors


class PeriodForm(GovUKForm):
    start = DateField(label="First day of the period", help_text="For example, 27 3 2025",
                      error_messages={"required": "Enter the first day of the period"})
    end = DateField(label="Last day of the period", help_text="Today or earlier",
                    error_messages={"required": "Enter the last day of the period"})

    def clean(self):
        data = super().clean()
        if "start" in self.errors or "end" in self.errors:
            return data
        for name, message in period_errors(data.get("start"), data.get("end"), timezone.localdate()).items():
            self.add_error(name, message)
        return data
