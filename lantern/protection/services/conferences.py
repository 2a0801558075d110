"""Arranging a conference (a working day, an independent chair, the agencies invited), the social
work report shared with the parents before it, and each agency's written report."""

from datetime import date, time

from django.utils import timezone

from lantern.access.policy import child_for_action
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.audit_log.transactions import atomic
from lantern.obligations.clock import current_clock
from lantern.obligations.engine import obligations_sync
from lantern.obligations.late import require_late_reason
from lantern.people.models import Involvement
from lantern.protection.audit_types import CP_AGENCY_REPORT, CP_CONFERENCE, CP_INVITATION
from lantern.revisions.services import keep_replaced, text_at_version
from lantern.service_layer.concurrency import bump_version
from lantern.service_layer.errors import MIN_WRITTEN, date_errors, raise_if, required_text

from ..codes import ConferenceKind, EnquiryOutcome, MeetingAgency
from ..models import Conference, ConferenceInvitation
from ..obligations import CONFERENCE_SOURCE, ENQUIRY_SOURCE, PLAN_SOURCE, held_reviews
from ..policies import chair_independence, partner_contributions

REPORT_LABELS = {"social_work_report": "Social work report", "report_late_reason": "Why the report was shared late"}


def _target(enquiry, plan) -> dict:
    """What the conference follows, the earliest date it can be, and the deadline it meets."""
    if enquiry is not None:
        errors = {}
        if enquiry.outcome != EnquiryOutcome.CONFERENCE:
            errors["__all__"] = "An initial conference follows an enquiry whose outcome is a conference"
        elif enquiry.conferences.filter(cancelled_on__isnull=True).exists():
            errors["__all__"] = "An initial conference is already arranged for this enquiry"
        return {"kind": ConferenceKind.INITIAL, "record": enquiry, "earliest": enquiry.start_date, "errors": errors,
                "source": ENQUIRY_SOURCE, "rule": "initial_cp_conference", "occurrence": 1}
    errors = {}
    if not plan.is_open or plan.pending_end_id:
        errors["__all__"] = "This plan has ended or is waiting to end"
    elif plan.review_conferences.filter(decision="", cancelled_on__isnull=True).exists():
        errors["__all__"] = "A review conference is already arranged for this plan"
    held = held_reviews(plan)
    # A review is strictly after the plan's start (census rule 8841) and after the last review.
    earliest = (held[-1].conference_date if held else plan.start_date)
    return {"kind": ConferenceKind.REVIEW, "record": plan, "earliest": earliest, "errors": errors, "strict": True,
            "source": PLAN_SOURCE, "rule": "review_cp_conference", "occurrence": len(held) + 1}


def _invitations(conference, child, episode, plan) -> list[ConferenceInvitation]:
    worker = episode.worker or child.current_worker
    rows = [ConferenceInvitation(conference=conference, agency_kind=MeetingAgency.CSC, invitee=worker,
                                 invitee_name=str(worker) if worker else "Allocated social worker",
                                 invited_on=timezone.localdate())]
    people = ([(m.agency_kind, m.agency, m.name, m.user) for m in plan.members.filter(left_on__isnull=True)]
              if plan else [])
    for i in Involvement.objects.filter(child=child, end_date__isnull=True).select_related("agency", "practitioner"):
        people.append((i.agency.kind, i.agency, i.display_name or str(i.agency), i.practitioner))
    seen = set()
    for kind, agency, name, user in people:
        key = (kind, agency.pk if agency else None, name)
        if kind != MeetingAgency.CSC and key not in seen:
            seen.add(key)
            rows.append(ConferenceInvitation(conference=conference, agency_kind=kind, agency=agency,
                                             invitee_name=name, invitee=user, invited_on=timezone.localdate()))
    return rows


@atomic
def conference_arrange(*, actor, conference_date: date | None, chair, starts_at: time | None = None, enquiry=None,
                       plan=None, late_reason: str = "") -> Conference:
    """Arrange an initial conference (``enquiry``) or a review conference (``plan``)."""
    target = _target(enquiry, plan)
    record = target["record"]
    child = child_for_action(actor, record.child_id, "conference.arrange")
    episode = record.episode
    errors = dict(target["errors"])
    if not episode.is_open:
        errors["__all__"] = "The episode is closed"
    if conference_date is None:
        errors["conference_date"] = "Enter the date of the conference"
    elif not current_clock().calendar.is_working_day(conference_date):
        errors["conference_date"] = "A conference is held on a working day (census rule 8875)"
    elif conference_date < target["earliest"] or (target.get("strict") and conference_date == target["earliest"]):
        errors["conference_date"] = f"The conference must be after {target['earliest']:%-d %B %Y}"
    problem = chair_independence.problem(chair, child, episode)
    if problem:
        errors["chair_id"] = problem
    raise_if(errors)
    assert conference_date is not None  # refused above when missing
    conference = Conference.objects.create(kind=target["kind"], episode=episode, child=child, enquiry=enquiry,
                                           plan=plan, conference_date=conference_date, starts_at=starts_at,
                                           chair=chair, late_reason=late_reason.strip(), arranged_by=actor)
    invitations = ConferenceInvitation.objects.bulk_create(_invitations(conference, child, episode, plan))
    audit_record(actor=actor, action=Action.CREATE, object_type=CP_CONFERENCE, object_id=conference.pk,
                 child_id=child.pk, changes={"kind": [None, conference.kind],
                                             "conference_date": [None, conference_date.isoformat()],
                                             "chair": [None, chair.pk], "invited": [None, len(invitations)]})
    obligations_sync(CONFERENCE_SOURCE, [conference.pk])
    require_late_reason(source_key=target["source"], source_id=record.pk, rule_id=target["rule"],
                        occurrence=target["occurrence"], met_on=conference_date, reason=late_reason)
    if plan is not None:  # the first review after a pre-birth plan's child is born has its own deadline
        require_late_reason(source_key=PLAN_SOURCE, source_id=plan.pk, rule_id="pre_birth_review",
                            met_on=conference_date, reason=late_reason, open_only=True)
    return conference


def _require_open(conference: Conference, errors: dict) -> None:
    if conference.decision:
        errors["__all__"] = "The conference's decision has been recorded"
    elif conference.cancelled_on:
        errors["__all__"] = "The conference was cancelled"


@atomic
def conference_invite(*, actor, conference: Conference, agency_kind: str, invitee_name: str, agency=None,
                      invitee=None) -> ConferenceInvitation:
    child_for_action(actor, conference.child_id, "conference.arrange")
    errors: dict[str, str] = {}
    _require_open(conference, errors)
    if agency_kind not in MeetingAgency.values:
        errors["agency_kind"] = "Select the kind of agency"
    elif agency is not None and agency.kind != agency_kind:
        errors["agency_id"] = f"{agency} is not a {MeetingAgency(agency_kind).label.lower()} agency"
    if invitee is not None and agency is not None and invitee.agency_id != agency.pk:
        errors["invitee_id"] = f"{invitee} does not work for {agency}"
    required_text(invitee_name, "invitee_name", "Enter the name of the person invited", errors)
    raise_if(errors)
    invitation = ConferenceInvitation.objects.create(conference=conference, agency_kind=agency_kind, agency=agency,
                                                     invitee=invitee, invitee_name=invitee_name.strip(),
                                                     invited_on=timezone.localdate())
    audit_record(actor=actor, action=Action.CREATE, object_type=CP_INVITATION, object_id=invitation.pk,
                 child_id=conference.child_id, changes={"conference": [None, conference.pk],
                                                        "agency_kind": [None, agency_kind]})
    return invitation


@atomic
def social_work_report_save(*, actor, conference: Conference, report: str, shared_on: date | None,
                            expected_version: int, late_reason: str = "") -> Conference:
    """The social work report, and the day it was shared with the parents: the local number of
    working days before the conference; later needs a reason."""
    child_for_action(actor, conference.child_id, "conference.report")
    errors: dict[str, str] = {}
    _require_open(conference, errors)
    text = required_text(report, "social_work_report", "Enter the social work report", errors, minimum=MIN_WRITTEN)
    if shared_on is not None:
        date_errors(shared_on, "report_shared_on", "the date the report was shared with the parents", errors,
                    today=timezone.localdate())
        if shared_on > conference.conference_date and "report_shared_on" not in errors:
            errors["report_shared_on"] = "The report is shared with the parents before the conference"
    raise_if(errors)
    if shared_on is not None:
        require_late_reason(source_key=CONFERENCE_SOURCE, source_id=conference.pk,
                            rule_id="conference_report_to_parents", met_on=shared_on, reason=late_reason,
                            field="report_late_reason")
    after = {"social_work_report": text, "report_late_reason": late_reason.strip()}
    before = text_at_version(Conference, conference.pk, expected_version, tuple(after))
    bump_version(conference, expected_version, report_shared_on=shared_on, **after)
    keep_replaced(actor=actor, record_type="cp_conference", record_id=conference.pk, child_id=conference.child_id,
                  version=expected_version, before=before, after=after, labels=REPORT_LABELS)
    audit_record(actor=actor, action=Action.UPDATE, object_type=CP_CONFERENCE, object_id=conference.pk,
                 child_id=conference.child_id,
                 changes={"report_shared_on": [None, shared_on.isoformat() if shared_on else None]},
                 detail="social work report")
    obligations_sync(CONFERENCE_SOURCE, [conference.pk])
    conference.refresh_from_db()
    return conference


@atomic
def agency_report_submit(*, actor, invitation: ConferenceInvitation, report: str,
                         expected_version: int) -> ConferenceInvitation:
    """An invited agency's written report (partner practitioners submit their own agency's). Two
    people of one agency may have it open at once: a save on a version someone has since changed is
    refused, and a report rewritten keeps the text it replaced."""
    child_for_action(actor, invitation.conference.child_id, "conference.agency_report")
    partner_contributions.require(actor, invitation.agency_id, invitation.invitee_id, "invited")
    errors: dict[str, str] = {}
    _require_open(invitation.conference, errors)
    text = required_text(report, "report", "Enter the report", errors, minimum=MIN_WRITTEN)
    raise_if(errors)
    before = text_at_version(ConferenceInvitation, invitation.pk, expected_version,
                             ("report", "report_submitted_on", "report_submitted_by_id"))
    had_report = before["report_submitted_on"] is not None
    today = timezone.localdate()
    bump_version(invitation, expected_version, report=text, report_submitted_on=today,
                 report_submitted_by=actor)
    keep_replaced(actor=actor, record_type="cp_agency_report", record_id=invitation.pk,
                  child_id=invitation.conference.child_id, version=expected_version, before=before,
                  after={"report": text}, labels={"report": f"Report from {invitation.agency_label}"},
                  written_by_id=before["report_submitted_by_id"])
    invitation.refresh_from_db()
    audit_record(actor=actor, action=Action.UPDATE if had_report else Action.CREATE, object_type=CP_AGENCY_REPORT,
                 object_id=invitation.pk, child_id=invitation.conference.child_id,
                 changes={"conference": [None, invitation.conference_id],
                          "submitted_on": [None, today.isoformat()]})
    return invitation
