"""The front door decision: recorded within one working day, authorised by a manager where the
authority asks for it, and then carried out (an episode opened for a referral or a strategy
discussion). A late decision needs a reason; re-referrals and repeat contacts are flagged."""

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from lantern.access.policy import has_permission
from lantern.audit_log.models import Action
from lantern.audit_log.transactions import atomic
from lantern.frontdoor.audit_types import CONTACT_DECISION
from lantern.obligations.engine import obligations_sync
from lantern.obligations.late import require_late_reason
from lantern.referrals.models import Episode
from lantern.referrals.services import episode_open
from lantern.service_layer.concurrency import bump_version

from ..access import require_screening
from ..codes import ContactStatus, DecisionStatus, Outcome, PersonRole
from ..models import Contact, ContactDecision, FrontDoorSettings
from .common import DECISION_RULE, OBLIGATION_SOURCE, audit_contact, require_current, require_open

DECISION_FIELDS = ("outcome", "threshold_level", "rationale", "nfa_reason", "advice_given", "early_help_service",
                   "transfer_authority", "primary_need", "referrer_feedback", "late_reason")
YEAR = timedelta(days=365)


def decision_flags(contact: Contact) -> dict[str, Any]:
    """Re-referral (an earlier referral within 12 months) and repeat contacts (this one counted)."""
    children = [m.person_id for m in contact.people.all() if m.role == PersonRole.CHILD and m.person_id]
    since = contact.received - YEAR
    previous = (Episode.objects.filter(child_id__in=children, referral_date__gte=since,
                                       referral_date__lte=contact.received_on)
                .order_by("-referral_date").values_list("referral_date", flat=True).first())
    per_child = [Contact.objects.filter(people__person_id=child, received_on__gte=since,
                                        received_on__lte=contact.received_on)
                 .exclude(status=ContactStatus.DRAFT).distinct().count() for child in children]
    return {"rereferral": previous is not None, "previous_referral_on": previous,
            "contacts_in_year": max(per_child, default=1)}


def _problems(contact: Contact, values: Mapping[str, Any]) -> dict[str, str]:
    errors: dict[str, str] = {}
    children = [m for m in contact.people.all() if m.role == PersonRole.CHILD]
    if not children:
        errors["outcome"] = "Add the children this contact is about before deciding"
    elif any(m.person_id is None for m in children):
        errors["outcome"] = "Match every child to a record (or create one) before deciding"
    outcome, level = values.get("outcome"), values.get("threshold_level")
    if outcome not in Outcome.values:
        errors["outcome"] = errors.get("outcome") or "Select the decision"
    if level is None:
        errors["threshold_level_id"] = "Select the level of need"
    elif outcome in Outcome.values and not level.allows(outcome):
        errors["outcome"] = (f"'{Outcome(outcome).label}' does not fit the level '{level}'. Choose one of: "
                             f"{'; '.join(level.allowed_outcome_labels)}, or change the level and say why")
    if not (values.get("rationale") or "").strip():
        errors["rationale"] = "Explain why this level and this decision"
    required = {Outcome.NFA: ("nfa_reason", "Give the reason for no further action"),
                Outcome.ADVICE: ("advice_given", "Say what advice and information was given"),
                Outcome.EARLY_HELP: ("early_help_service", "Say which early help service"),
                Outcome.TRANSFER: ("transfer_authority", "Enter the local authority it is transferred to")}
    if outcome in required:
        name, message = required[Outcome(outcome)]
        if not (values.get(name) or "").strip():
            errors[name] = message
    if outcome in (Outcome.REFERRAL, Outcome.STRATEGY) and not values.get("primary_need"):
        errors["primary_need"] = "Select the primary need (census rule 8610)"
    errors.update(_episode_problems(outcome, [m.person_id for m in children if m.person_id]))
    return errors


def _episode_problems(outcome, child_ids: list[int]) -> dict[str, str]:
    open_ids = set(Episode.objects.filter(child_id__in=child_ids, closure_date__isnull=True, referral_nfa=False)
                   .values_list("child_id", flat=True))
    if outcome == Outcome.REFERRAL and open_ids:
        return {"outcome": "A child on this contact already has an open episode: choose 'Passed to the team "
                           "already working with the child', or a strategy discussion if there is immediate risk"}
    if outcome == Outcome.EXISTING and set(child_ids) - open_ids:
        return {"outcome": "Only a child with an open episode can be passed to the team working with them"}
    return {}


def _carry_out(actor, contact: Contact, decision: ContactDecision, today) -> None:
    """Make the decision happen: the statutory clock is met, and a referral opens the episode."""
    decision.status, decision.effective_on = DecisionStatus.FINAL, today
    decision.save()
    for mention in contact.people.filter(role=PersonRole.CHILD).select_related("person"):
        current = Episode.objects.filter(child=mention.person, closure_date__isnull=True, referral_nfa=False).first()
        if decision.outcome == Outcome.REFERRAL or (decision.outcome == Outcome.STRATEGY and current is None):
            mention.episode = episode_open(actor=actor, child=mention.person, referral_date=contact.received,
                                           referral_source=contact.source, primary_need=decision.primary_need)
        elif decision.outcome in (Outcome.STRATEGY, Outcome.EXISTING):
            mention.episode = current
        mention.save(update_fields=["episode"])
    contact.status = ContactStatus.DECIDED
    contact.save(update_fields=["status"])
    obligations_sync(OBLIGATION_SOURCE, [contact.pk])


def _late_check(contact: Contact, reason: str, today) -> None:
    require_late_reason(source_key=OBLIGATION_SOURCE, source_id=contact.pk, rule_id=DECISION_RULE, met_on=today,
                        reason=reason)


@atomic
def decision_record(*, actor, contact: Contact, expected_version: int, data: Mapping[str, Any]) -> ContactDecision:
    """Record the decision. Where the authority asks for it, it waits for a manager's authorisation;
    a manager's own decision takes effect at once."""
    require_screening(actor, contact)
    require_open(contact)
    if contact.status == ContactStatus.AWAITING_AUTHORISATION:
        raise ValidationError("A decision on this contact is already waiting for a manager's authorisation")
    require_current(contact, expected_version)
    values = {k: v for k, v in data.items() if k in DECISION_FIELDS}
    for name in DECISION_FIELDS:
        if isinstance(values.get(name), str):
            values[name] = values[name].strip()
    errors = _problems(contact, values)
    if errors:
        raise ValidationError(errors)
    today, now = timezone.localdate(), timezone.now()
    _late_check(contact, values.get("late_reason", ""), today)
    bump_version(contact, expected_version, what="this contact")
    decision = ContactDecision(contact=contact, decided_by=actor, decided_at=now, status=DecisionStatus.PROPOSED,
                               **values, **decision_flags(contact))
    needs_manager = FrontDoorSettings.current().needs_authorisation(decision.outcome)
    if needs_manager and not has_permission(actor, "frontdoor.authorise"):
        decision.save()
        contact.status = ContactStatus.AWAITING_AUTHORISATION
        contact.save(update_fields=["status"])
    else:
        if needs_manager:
            decision.authorised_by, decision.authorised_at = actor, now
        _carry_out(actor, contact, decision, today)
    audit_contact(actor=actor, action=Action.CREATE, contact=contact, object_type=CONTACT_DECISION,
                  object_id=decision.pk, changes={"outcome": [None, decision.outcome],
                                                  "status": [None, decision.status]})
    return decision


def _proposal(contact: Contact) -> ContactDecision:
    decision = contact.decisions.filter(status=DecisionStatus.PROPOSED).first()
    if contact.status != ContactStatus.AWAITING_AUTHORISATION or decision is None:
        raise ValidationError("There is no decision waiting for authorisation on this contact")
    return decision


@atomic
def decision_authorise(*, actor, contact: Contact, expected_version: int, comment: str = "",
                       late_reason: str = "") -> ContactDecision:
    require_screening(actor, contact, "frontdoor.authorise")
    decision = _proposal(contact)
    today = timezone.localdate()
    reason = late_reason.strip() or decision.late_reason
    _late_check(contact, reason, today)
    bump_version(contact, expected_version, what="this contact")
    decision.authorised_by, decision.authorised_at = actor, timezone.now()
    decision.manager_comment, decision.late_reason = comment.strip(), reason
    _carry_out(actor, contact, decision, today)
    audit_contact(actor=actor, action=Action.UPDATE, contact=contact, object_type=CONTACT_DECISION,
                  object_id=decision.pk, changes={"status": [DecisionStatus.PROPOSED, DecisionStatus.FINAL]},
                  detail="authorised")
    return decision


@atomic
def decision_return(*, actor, contact: Contact, expected_version: int, comment: str) -> ContactDecision:
    """Send the proposal back to the screener with the manager's reasons; the contact stays open."""
    require_screening(actor, contact, "frontdoor.authorise")
    decision = _proposal(contact)
    if not comment.strip():
        raise ValidationError({"comment": "Say why the decision is returned and what needs to change"})
    bump_version(contact, expected_version, what="this contact")
    decision.status, decision.manager_comment = DecisionStatus.RETURNED, comment.strip()
    decision.authorised_by, decision.authorised_at = actor, timezone.now()
    decision.save()
    contact.status = ContactStatus.RECEIVED
    contact.save(update_fields=["status"])
    audit_contact(actor=actor, action=Action.UPDATE, contact=contact, object_type=CONTACT_DECISION,
                  object_id=decision.pk, changes={"status": [DecisionStatus.PROPOSED, DecisionStatus.RETURNED]},
                  detail="returned to the screener")
    return decision
