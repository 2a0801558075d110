"""The section 47 enquiry: who leads it (a registered social worker), the visits made for it (by a
registered social worker, out of hours included), the assessment of risk, and the manager's
decision on its outcome."""

from datetime import date, time

from django.utils import timezone

from lantern.access.policy import child_for_action
from lantern.accounts.qualifications import registered_social_worker_problem
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.audit_log.transactions import atomic
from lantern.obligations.clock import current_clock
from lantern.obligations.engine import obligations_sync
from lantern.protection.audit_types import S47_ENQUIRY, S47_VISIT
from lantern.revisions.services import keep_replaced, text_at_version
from lantern.service_layer.concurrency import bump_version
from lantern.service_layer.errors import MIN_WRITTEN, date_errors, raise_if, required_text

from ..codes import EnquiryOutcome
from ..models import EnquiryVisit, Section47Enquiry
from ..obligations import ENQUIRY_SOURCE

OFFICE_HOURS = (time(9, 0), time(17, 0))


def is_out_of_hours(day: date, at: time) -> bool:
    opens, closes = OFFICE_HOURS
    return not current_clock().calendar.is_working_day(day) or at < opens or at >= closes


def _require_open(enquiry: Section47Enquiry, errors: dict) -> None:
    if not enquiry.is_open:
        errors["__all__"] = "This enquiry has been concluded"


@atomic
def enquiry_lead_allocate(*, actor, enquiry: Section47Enquiry, lead_worker, expected_version: int) -> Section47Enquiry:
    child_for_action(actor, enquiry.child_id, "enquiry.allocate")
    errors: dict[str, str] = {}
    _require_open(enquiry, errors)
    problem = registered_social_worker_problem(lead_worker, "can lead a section 47 enquiry")
    if problem:
        errors["lead_worker_id"] = problem
    raise_if(errors)
    before = enquiry.lead_worker_id
    bump_version(enquiry, expected_version, lead_worker=lead_worker)
    audit_record(actor=actor, action=Action.UPDATE, object_type=S47_ENQUIRY, object_id=enquiry.pk,
                 child_id=enquiry.child_id, changes={"lead_worker": [before, lead_worker.pk]})
    enquiry.refresh_from_db()
    return enquiry


def _visit_errors(enquiry, visit_date, visit_time, visited_by, child_seen, seen_alone, not_seen_reason,
                  not_seen_alone_reason, notes, today) -> dict[str, str]:
    errors: dict[str, str] = {}
    _require_open(enquiry, errors)
    date_errors(visit_date, "visit_date", "the date of the visit", errors, earliest=enquiry.start_date,
                earliest_label="the start of the enquiry", today=today)
    if visit_time is None:
        errors["visit_time"] = "Enter the time of the visit"
    problem = registered_social_worker_problem(visited_by, "can make a section 47 enquiry visit")
    if problem:
        errors["visited_by_id"] = problem
    if child_seen is None:
        errors["child_seen"] = "Select whether the child was seen"
    elif child_seen is False:
        required_text(not_seen_reason, "not_seen_reason", "Say why the child was not seen", errors)
    elif seen_alone is None:
        errors["seen_alone"] = "Select whether the child was seen alone"
    elif seen_alone is False:
        required_text(not_seen_alone_reason, "not_seen_alone_reason", "Say why the child was not seen alone", errors)
    required_text(notes, "notes", "Enter what you saw, heard and did", errors)
    return errors


@atomic
def enquiry_visit_record(*, actor, enquiry: Section47Enquiry, visit_date: date | None, visit_time: time | None,
                         visited_by, child_seen: bool | None, seen_alone: bool | None = None,
                         not_seen_reason: str = "", not_seen_alone_reason: str = "", notes: str = "") -> EnquiryVisit:
    child = child_for_action(actor, enquiry.child_id, "enquiry.record")
    enquiry = Section47Enquiry.objects.select_for_update().get(pk=enquiry.pk)
    raise_if(_visit_errors(enquiry, visit_date, visit_time, visited_by, child_seen, seen_alone, not_seen_reason,
                           not_seen_alone_reason, notes, timezone.localdate()))
    # _visit_errors refused any of these missing
    assert visit_date is not None and visit_time is not None and child_seen is not None
    visit = EnquiryVisit.objects.create(
        enquiry=enquiry, child=child, visit_date=visit_date, visit_time=visit_time,
        out_of_hours=is_out_of_hours(visit_date, visit_time), visited_by=visited_by, child_seen=child_seen,
        not_seen_reason="" if child_seen else not_seen_reason.strip(), seen_alone=seen_alone if child_seen else None,
        not_seen_alone_reason="" if (not child_seen or seen_alone) else not_seen_alone_reason.strip(),
        notes=notes.strip(), recorded_by=actor)
    seen = [v for v in enquiry.visits.all() if v.child_seen]
    if seen:
        alone = [v for v in seen if v.seen_alone]
        Section47Enquiry.objects.filter(pk=enquiry.pk).update(
            child_seen_on=min(v.visit_date for v in seen), seen_alone=bool(alone),
            not_seen_alone_reason="" if alone else seen[-1].not_seen_alone_reason)
    audit_record(actor=actor, action=Action.CREATE, object_type=S47_VISIT, object_id=visit.pk, child_id=child.pk,
                 changes={"enquiry": [None, enquiry.pk], "visit_date": [None, visit_date.isoformat()],
                          "visited_by": [None, visited_by.pk], "out_of_hours": [None, visit.out_of_hours],
                          "child_seen": [None, child_seen], "seen_alone": [None, visit.seen_alone]})
    return visit


@atomic
def enquiry_risk_record(*, actor, enquiry: Section47Enquiry, risk_assessment: str,
                        expected_version: int) -> Section47Enquiry:
    """The worker's assessment of risk: what a written agreement and the outcome must rest on."""
    child_for_action(actor, enquiry.child_id, "enquiry.record")
    errors: dict[str, str] = {}
    _require_open(enquiry, errors)
    text = required_text(risk_assessment, "risk_assessment", "Enter the assessment of risk", errors,
                         minimum=MIN_WRITTEN)
    raise_if(errors)
    before = text_at_version(Section47Enquiry, enquiry.pk, expected_version, ("risk_assessment",))
    bump_version(enquiry, expected_version, risk_assessment=text,
                 risk_assessed_on=timezone.localdate())
    keep_replaced(actor=actor, record_type="s47_enquiry", record_id=enquiry.pk, child_id=enquiry.child_id,
                  version=expected_version, before=before, after={"risk_assessment": text},
                  labels={"risk_assessment": "Assessment of risk"})
    audit_record(actor=actor, action=Action.UPDATE, object_type=S47_ENQUIRY, object_id=enquiry.pk,
                 child_id=enquiry.child_id, changes={"risk_assessed_on": [None, timezone.localdate().isoformat()]})
    enquiry.refresh_from_db()
    return enquiry


@atomic
def enquiry_conclude(*, actor, enquiry: Section47Enquiry, outcome: str, rationale: str, completed_on: date | None,
                     expected_version: int) -> Section47Enquiry:
    """A manager decides the outcome, with a rationale, once the child has been seen (or a visit
    says why not) and the risk has been assessed."""
    child_for_action(actor, enquiry.child_id, "enquiry.decide")
    errors: dict[str, str] = {}
    _require_open(enquiry, errors)
    if outcome not in EnquiryOutcome.values:
        errors["outcome"] = "Select the outcome of the enquiry"
    required_text(rationale, "outcome_rationale", "Explain the decision", errors, minimum=MIN_WRITTEN)
    date_errors(completed_on, "completed_on", "the date the enquiry ended", errors, earliest=enquiry.start_date,
                earliest_label="its start", today=timezone.localdate())
    if not enquiry.visits.exists():
        errors["__all__"] = "Record the visit to the child before deciding the outcome"
    elif not enquiry.risk_assessment:
        errors["__all__"] = "Record the assessment of risk before deciding the outcome"
    raise_if(errors)
    assert completed_on is not None  # date_errors refused a missing date
    bump_version(enquiry, expected_version, outcome=outcome, outcome_rationale=rationale.strip(),
                 decided_by=actor, completed_on=completed_on)
    audit_record(actor=actor, action=Action.UPDATE, object_type=S47_ENQUIRY, object_id=enquiry.pk,
                 child_id=enquiry.child_id, changes={"outcome": ["", outcome],
                                                     "completed_on": [None, completed_on.isoformat()]})
    obligations_sync(ENQUIRY_SOURCE, [enquiry.pk])
    enquiry.refresh_from_db()
    return enquiry
