"""What a chair needs to know about a conference before and after it: reports not in, the parents not
given the social work report in time, the police not invited or absent, too few agencies. These are
warnings: the inspection found conferences held on too little information without anyone noticing."""

from dataclasses import dataclass, field
from datetime import date

from lantern.obligations.models import Obligation

from .codes import MeetingAgency
from .models import Conference
from .obligations import CONFERENCE_SOURCE

MIN_AGENCIES = 3  # children's social care and at least two partner agencies


@dataclass
class Readiness:
    conference: Conference
    due: dict[str, date] = field(default_factory=dict)  # rule id -> due date, from the statutory clock
    warnings: list[str] = field(default_factory=list)

    @property
    def report_due(self) -> date | None:
        return self.due.get("conference_report_to_parents")


def _agencies(invitations, attended_only: bool) -> set[str]:
    return {i.agency_kind for i in invitations if not attended_only or i.attended}


def warnings_for(conference: Conference, due: dict[str, date], today: date) -> list[str]:
    invitations = list(conference.invitations.all())
    partners = [i for i in invitations if i.agency_kind != MeetingAgency.CSC]
    found = []
    if conference.is_decided:
        attended = _agencies(invitations, attended_only=True)
        if MeetingAgency.POLICE not in attended:
            found.append("The police did not attend")
        if len(attended) < MIN_AGENCIES:
            found.append(f"Only {len(attended)} agenc{'y' if len(attended) == 1 else 'ies'} attended (fewer than "
                         f"{MIN_AGENCIES})")
        minutes_due = due.get("conference_minutes_circulated")
        if conference.minutes_circulated_on is None and minutes_due and minutes_due < today:
            found.append(f"Minutes not circulated: due {minutes_due:%-d %B %Y}")
        return found
    if MeetingAgency.POLICE not in _agencies(invitations, attended_only=False):
        found.append("The police are not invited")
    if len(_agencies(invitations, attended_only=False)) < MIN_AGENCIES:
        found.append(f"Fewer than {MIN_AGENCIES} agencies are invited")
    missing = [i.agency_label for i in partners if i.report_submitted_on is None]
    if missing:
        found.append(f"No report yet from {', '.join(sorted(set(missing)))}")
    report_due = due.get("conference_report_to_parents")
    if conference.report_shared_on is None:
        when = f" (due {report_due:%-d %B %Y})" if report_due else ""
        found.append(f"The social work report has not been shared with the parents{when}")
    elif report_due and conference.report_shared_on > report_due:
        found.append(f"The parents had the report late ({conference.report_shared_on:%-d %B %Y}; due "
                     f"{report_due:%-d %B %Y})")
    if conference.conference_date < today:
        found.append("The conference date has passed and its decision is not recorded")
    return found


def readiness_for(conferences: list[Conference], today: date) -> list[Readiness]:
    """One query for every conference's stored deadlines (plus the prefetched invitations)."""
    due: dict[int, dict[str, date]] = {}
    rows = Obligation.objects.filter(source_type=CONFERENCE_SOURCE, source_id__in=[c.pk for c in conferences])
    for rule_id, source_id, due_date in rows.values_list("rule_id", "source_id", "due_date"):
        due.setdefault(source_id, {})[rule_id] = due_date
    return [Readiness(conference=c, due=due.get(c.pk, {}), warnings=warnings_for(c, due.get(c.pk, {}), today))
            for c in conferences]
