"""The strategy discussion form: one fieldset per agency (took part, who, what they shared), the
reasons police, health or the referrer were absent, the decision and the actions agreed."""

import re

from django import forms

from lantern.accounts.models import Agency
from lantern.web.fields import line, radios, text, time_field
from lantern.web.forms import DateField, GovUKForm

from ..codes import DiscussionKind, MeetingAgency, StrategyDecision
from .common import staff_label

AGENCIES = (MeetingAgency.CSC, MeetingAgency.POLICE, MeetingAgency.HEALTH, MeetingAgency.EDUCATION,
            MeetingAgency.OTHER)
ACTION_ROWS = 3


class StrategyForm(GovUKForm):
    held_on = DateField(label="Date of the discussion", error_messages={"required": "Enter the date of the discussion"})
    held_at = time_field("Time of the discussion")
    kind = radios("How was it held?", DiscussionKind.choices)
    concerns = text("Why the discussion was held", "The concern about significant harm that led to it")
    referrer_agency = forms.ChoiceField(
        label="Which agency referred?", required=False,
        choices=[("", "Not an agency (a family member, the child, or anonymous)"),
                 *[(k.value, k.label) for k in MeetingAgency if k != MeetingAgency.CSC]])
    police_absent_reason = text("If the police did not take part, why")
    health_absent_reason = text("If health did not take part, why")
    referrer_absent_reason = text("If the referring agency did not take part, why")
    decision = radios("What was decided?", StrategyDecision.choices)
    decision_rationale = text("Why", "The reasons for the decision, in a way the family could follow")
    lead_worker: forms.ModelChoiceField = forms.ModelChoiceField(
        label="Registered social worker leading the enquiry", queryset=None, required=False,
        empty_label="Select a social worker", help_text="Needed when an enquiry is decided")
    police_contact = line("Police officer or reference (joint enquiry)")
    late_reason = text("If the record is completed late, why",
                       "The record is due the working day after the discussion (local policy)")

    def __init__(self, *args, staff, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        lead = self.fields["lead_worker"]
        lead.queryset = staff
        lead.label_from_instance = staff_label
        for kind in AGENCIES:
            self.fields[f"{kind}_took_part"] = forms.BooleanField(label=f"{kind.label} took part", required=False)
            self.fields[f"{kind}_name"] = line("Name")
            self.fields[f"{kind}_role"] = line("Role")
            if kind != MeetingAgency.CSC:
                self.fields[f"{kind}_agency"] = forms.ModelChoiceField(
                    label="Agency", required=False, queryset=agencies.filter(kind=kind), empty_label="Select")
            self.fields[f"{kind}_information"] = text("What they shared")
        for n in range(ACTION_ROWS):
            self.fields[f"action_{n}_what"] = text("What will be done")
            self.fields[f"action_{n}_owner"] = line("Who will do it")
            self.fields[f"action_{n}_due_date"] = DateField(label="By when", required=False)

    def agency_fields(self):
        return [(kind, [self[name] for name in (f"{kind}_took_part", f"{kind}_name", f"{kind}_role",
                                                f"{kind}_agency", f"{kind}_information") if name in self.fields])
                for kind in AGENCIES]

    def action_rows(self):
        return [(n + 1, [self[f"action_{n}_{part}"] for part in ("what", "owner", "due_date")])
                for n in range(ACTION_ROWS)]

    def participants(self) -> list[dict]:
        """Those who took part, in the form's order; ``self.participant_kinds`` maps the service's
        numbering back to the agency each row of the form is for."""
        data = self.cleaned_data
        self.participant_kinds = [kind for kind in AGENCIES if data.get(f"{kind}_took_part")]
        return [{"agency_kind": kind.value, "agency": data.get(f"{kind}_agency"), "name": data[f"{kind}_name"],
                 "role": data[f"{kind}_role"], "information_shared": data[f"{kind}_information"]}
                for kind in self.participant_kinds]

    def actions(self) -> list[dict]:
        """The rows filled in; ``self.action_rows_used`` maps the service's numbering back to the form's."""
        data, rows, self.action_rows_used = self.cleaned_data, [], []
        for n in range(ACTION_ROWS):
            row = {part: data.get(f"action_{n}_{part}") for part in ("what", "owner", "due_date")}
            if any(row.values()):
                rows.append(row)
                self.action_rows_used.append(n)
        return rows

    def field_for_service_key(self, key: str) -> str | None:
        """The service names rows by their place in the lists it was sent (``participants.1.name``,
        ``actions.0.owner``); this form has a fieldset per agency and numbered action rows."""
        if key == "participants":  # no one took part for children's social care
            return f"{MeetingAgency.CSC}_name"
        match = re.match(r"^(participants|actions)\.(\d+)\.(\w+)$", key)
        if match is None:
            return None
        place, part = int(match[2]), match[3]
        if match[1] == "actions":
            rows = getattr(self, "action_rows_used", [])
            return f"action_{rows[place]}_{part}" if place < len(rows) else None
        kinds = getattr(self, "participant_kinds", [])
        if place >= len(kinds):
            return None
        return f"{kinds[place]}_{PARTICIPANT_FIELDS.get(part, part)}"


# A participant's field in the API and the service → its name in a fieldset of this form.
PARTICIPANT_FIELDS = {"information_shared": "information", "agency_id": "agency", "agency_kind": "took_part"}


def agency_queryset():
    return Agency.objects.order_by("kind", "name")
