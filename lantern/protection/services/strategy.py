"""Recording a strategy discussion: who took part for which agency and what each shared; why police,
health or the referrer were absent (refused without it); the decision and its rationale; the actions
agreed. A decision to enquire starts the section 47 enquiry, led by a registered social worker."""

from collections.abc import Mapping, Sequence
from datetime import date, time

from django.utils import timezone

from lantern.access.policy import child_for_action
from lantern.accounts.qualifications import registered_social_worker_problem
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.audit_log.transactions import atomic
from lantern.casework.records import plan_action_errors
from lantern.obligations.engine import obligations_sync
from lantern.protection.audit_types import STRATEGY_DISCUSSION
from lantern.service_layer.errors import date_errors, late_error, raise_if, required_text

from ..codes import STARTS_ENQUIRY, DiscussionKind, MeetingAgency, StrategyDecision
from ..models import Section47Enquiry, StrategyAction, StrategyDiscussion, StrategyParticipant
from ..obligations import ENQUIRY_SOURCE, STRATEGY_SOURCE
from .frontdoor_link import mark_front_door_arranged

ABSENCE_FIELDS = {MeetingAgency.POLICE: "police_absent_reason", MeetingAgency.HEALTH: "health_absent_reason"}


def _participant_errors(participants: Sequence[Mapping], errors: dict) -> set[str]:
    """Errors keyed by the participant's place in the list (``participants.1.name``)."""
    kinds = set()
    for n, p in enumerate(participants):
        kind, agency, at = p.get("agency_kind"), p.get("agency"), f"participants.{n}"
        if kind not in MeetingAgency.values:
            errors[f"{at}.agency_kind"] = "Select the agency this person spoke for"
            continue
        if agency is not None and agency.kind != kind:
            errors[f"{at}.agency_id"] = f"{agency} is not a {MeetingAgency(kind).label.lower()} agency"
        required_text(p.get("name"), f"{at}.name", f"Enter the name of the person from {MeetingAgency(kind).label}",
                      errors)
        required_text(p.get("information_shared"), f"{at}.information_shared",
                      f"Record what {MeetingAgency(kind).label} shared", errors)
        kinds.add(kind)
    if MeetingAgency.CSC not in kinds:
        errors["participants"] = "A social worker from children's social care must take part"
    return kinds


def _absence_errors(kinds: set[str], referrer: str, reasons: Mapping[str, str], errors: dict) -> None:
    for kind, field in ABSENCE_FIELDS.items():
        if kind not in kinds and not str(reasons.get(field) or "").strip():
            errors[field] = f"{kind.label} did not take part: say why"
    if referrer and referrer not in MeetingAgency.values:
        errors["referrer_agency"] = "Select the referring agency"
    elif referrer and referrer not in kinds and referrer not in ABSENCE_FIELDS \
            and not str(reasons.get("referrer_absent_reason") or "").strip():
        errors["referrer_absent_reason"] = "The referring agency did not take part: say why"


def _decision_errors(episode, decision, rationale, lead_worker, kinds, errors) -> None:
    if decision not in StrategyDecision.values:
        errors["decision"] = "Select what was decided"
    required_text(rationale, "decision_rationale", "Explain the decision", errors, minimum=10)
    if decision in STARTS_ENQUIRY:
        problem = registered_social_worker_problem(lead_worker, "can lead a section 47 enquiry")
        if problem:
            errors["lead_worker_id"] = problem
        if episode.enquiries.filter(completed_on__isnull=True).exists():
            errors["decision"] = "A section 47 enquiry is already under way in this episode"
        if decision == StrategyDecision.S47_JOINT and MeetingAgency.POLICE not in kinds:
            errors["decision"] = "A joint enquiry with the police needs the police in the discussion"


@atomic
def strategy_discussion_record(*, actor, episode, held_on: date | None, held_at: time | None, kind: str,
                               concerns: str, participants: Sequence[Mapping], referrer_agency: str = "",
                               absent_reasons: Mapping[str, str] | None = None, decision: str,
                               decision_rationale: str, actions: Sequence[Mapping] = (), lead_worker=None,
                               police_contact: str = "", late_reason: str = "") -> StrategyDiscussion:
    child = child_for_action(actor, episode.child_id, "strategy.record")
    today, reasons = timezone.localdate(), dict(absent_reasons or {})
    errors: dict[str, str] = {}
    if not episode.is_open or episode.referral_nfa:
        errors["__all__"] = "A strategy discussion belongs to an open child in need episode"
    date_errors(held_on, "held_on", "the date of the discussion", errors, earliest=episode.referral_date,
                earliest_label="the referral", today=today)
    if held_at is None:
        errors["held_at"] = "Enter the time of the discussion"
    if kind not in DiscussionKind.values:
        errors["kind"] = "Select whether it was a meeting or a call"
    required_text(concerns, "concerns", "Say why the discussion was held", errors)
    kinds = _participant_errors(participants, errors)
    _absence_errors(kinds, referrer_agency, reasons, errors)
    _decision_errors(episode, decision, decision_rationale, lead_worker, kinds, errors)
    for n, a in enumerate(actions):
        errors.update(plan_action_errors(a, held_on or today, prefix=f"actions.{n}.", measure=False,
                                         earliest_label="the discussion"))
    if held_on and "held_on" not in errors:
        late_error("strategy_discussion_record", held_on, today, late_reason, errors)
    raise_if(errors)
    assert held_on is not None and held_at is not None  # refused above when missing
    discussion = StrategyDiscussion.objects.create(
        episode=episode, child=child, held_on=held_on, held_at=held_at, kind=kind, concerns=concerns.strip(),
        referrer_agency=referrer_agency, decision=decision, decision_rationale=decision_rationale.strip(),
        completed_on=today, late_reason=late_reason.strip(), recorded_by=actor,
        **{field: str(reasons.get(field) or "").strip() for field in (*ABSENCE_FIELDS.values(),
                                                                      "referrer_absent_reason")})
    StrategyParticipant.objects.bulk_create(StrategyParticipant(
        discussion=discussion, agency_kind=p["agency_kind"], agency=p.get("agency"), name=p["name"].strip(),
        role=str(p.get("role") or "").strip(), information_shared=p["information_shared"].strip())
        for p in participants)
    StrategyAction.objects.bulk_create(StrategyAction(discussion=discussion, what=a["what"].strip(),
                                                      owner=a["owner"].strip(), due_date=a["due_date"])
                                       for a in actions)
    enquiry = None
    if decision in STARTS_ENQUIRY:
        enquiry = Section47Enquiry.objects.create(
            episode=episode, child=child, strategy_discussion=discussion, start_date=held_on,
            joint_with_police=decision == StrategyDecision.S47_JOINT, police_contact=police_contact.strip(),
            lead_worker=lead_worker)
    audit_record(actor=actor, action=Action.CREATE, object_type=STRATEGY_DISCUSSION, object_id=discussion.pk,
                 child_id=child.pk, changes={"held_on": [None, held_on.isoformat()], "decision": [None, decision],
                                             "agencies": [None, sorted(kinds)],
                                             "enquiry": [None, enquiry.pk if enquiry else None]})
    obligations_sync(STRATEGY_SOURCE, [discussion.pk])
    if enquiry:
        obligations_sync(ENQUIRY_SOURCE, [enquiry.pk])
    mark_front_door_arranged(actor, episode)
    return discussion
