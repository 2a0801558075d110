"""Choosing a collection year, and uploading a census file to import."""

from django import forms

from lantern.accounts.models import Team
from lantern.web.forms import GovUKForm

from .years import SUPPORTED_YEARS, CollectionYear


def year_choices() -> list[tuple[int, str]]:
    return [(y, f"{CollectionYear(y).label} (to 31 March {y})") for y in reversed(SUPPORTED_YEARS)]


class YearForm(GovUKForm):
    year = forms.TypedChoiceField(label="Collection year", choices=year_choices, coerce=int,
                                  error_messages={"invalid_choice": "Choose a collection year from the list"})


class ImportForm(GovUKForm):
    file = forms.FileField(label="Upload a CIN census XML file",
                           help_text="The file is checked in full first. If anything is wrong, every problem is "
                                     "listed and nothing is imported.",
                           error_messages={"required": "Select a CIN census XML file"})
    team = forms.ModelChoiceField(label="Team to hold the children with an open episode (optional)",
                                  queryset=Team.objects.order_by("name"), required=False,
                                  empty_label="Leave them unallocated")

    def clean_file(self):
        from lantern.tasks.uploads import too_large_message

        from .services import imports

        upload = self.cleaned_data["file"]
        if upload.size > imports.MAX_BYTES:
            raise forms.ValidationError(too_large_message(imports.MAX_BYTES))
        if not upload.name.lower().endswith(".xml"):
            raise forms.ValidationError("The file must be a CIN census XML file (ending .xml)")
        return upload  # kept by the service as a stream, never read whole here
