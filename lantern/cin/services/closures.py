"""Closing an episode, or stepping it down to early help: the worker writes an evaluation of risk,
early help accepts a step-down (and the family has been told), and a manager decides with a
recorded rationale. Approval ends any running plan and closes the episode with its RC code."""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.utils import timezone

from lantern.access.policy import child_for, require_permission
from lantern.accounts.roles import TeamKind
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.audit_log.transactions import atomic
from lantern.cin.audit_types import CLOSURE
from lantern.referrals.codes import ClosureReason
from lantern.referrals.services import episode_close
from lantern.referrals.services.episodes import closure_errors
from lantern.service_layer.errors import raise_if, written

from ..models import Closure, ClosureKind
from .plans import end_open_plans

S = Closure.Status
STEP_DOWN_REASONS = (ClosureReason.RC7, ClosureReason.RC9)


def _propose_errors(episode, kind, closure_date, reason, risk_evaluation, family_told_on, early_help_team) -> dict:
    errors = written(risk_evaluation, "risk_evaluation", "the evaluation of risk")
    if kind not in ClosureKind.values:
        errors["kind"] = "Select whether to close the episode or step down to early help"
    if episode.closures.filter(status__in=(S.AWAITING_EARLY_HELP, S.AWAITING_MANAGER)).exists():
        errors["__all__"] = "A closure of this episode is already waiting for a decision"
    if kind == ClosureKind.STEP_DOWN:
        if reason not in STEP_DOWN_REASONS:
            errors["reason"] = "A step-down closes with RC9 (after an assessment, no plan) or RC7 (after a plan)"
        if early_help_team is None or early_help_team.kind != TeamKind.EARLY_HELP:
            errors["early_help_team_id"] = "Select the early help team taking on the family"
        if family_told_on is None:
            errors["family_told_on"] = "Enter the date the family was told about the step-down"
        elif family_told_on > timezone.localdate():
            errors["family_told_on"] = "The date the family was told cannot be in the future"
    for field, message in closure_errors(episode, closure_date, reason).items():
        errors.setdefault(field, message)
    return errors


@atomic
def closure_propose(*, actor, episode, kind: str, closure_date: date, reason: str, risk_evaluation: str,
                    family_told_on: date | None = None, early_help_team=None) -> Closure:
    require_permission(actor, "closure.propose")
    child, _ = child_for(actor, episode.child_id, for_change=True)
    raise_if(_propose_errors(episode, kind, closure_date, reason, risk_evaluation, family_told_on, early_help_team))
    step_down = kind == ClosureKind.STEP_DOWN
    closure = Closure.objects.create(
        episode=episode, child=child, kind=kind, closure_date=closure_date, reason=reason,
        risk_evaluation=risk_evaluation.strip(), family_told_on=family_told_on if step_down else None,
        early_help_team=early_help_team if step_down else None, proposed_by=actor,
        status=S.AWAITING_EARLY_HELP if step_down else S.AWAITING_MANAGER)
    audit_record(actor=actor, action=Action.CREATE, object_type=CLOSURE, object_id=closure.pk, child_id=child.pk,
                 changes={"kind": [None, kind], "closure_date": [None, closure_date.isoformat()],
                          "reason": [None, reason]})
    return closure


def step_down_basis(actor, closure: Closure) -> str:
    """Members of the receiving early help team may answer a step-down offered to them even when
    the child is held by another team; anyone else needs access to the child's record."""
    if actor.team_id and actor.team_id == closure.early_help_team_id and not closure.child.is_restricted:
        return "step-down offered to this team"
    # A restricted child's step-down is for the record's named people only: restriction never widens reach.
    _, decision = child_for(actor, closure.child_id)
    return decision.basis


@atomic
def step_down_respond(*, actor, closure: Closure, accepted: bool, note: str = "") -> Closure:
    require_permission(actor, "step_down.respond")
    if not actor.team_id or actor.team_id != closure.early_help_team_id:
        raise PermissionDenied("This step-down was offered to another early help team")
    closure = Closure.objects.select_for_update().get(pk=closure.pk)
    errors = {} if accepted else written(note, "note", "why early help cannot take the family on", minimum=10)
    if closure.status != S.AWAITING_EARLY_HELP:
        errors["__all__"] = "This step-down is not waiting for early help"
    raise_if(errors)
    Closure.objects.filter(pk=closure.pk).update(
        early_help_accepted=accepted, early_help_by=actor, early_help_on=timezone.localdate(),
        early_help_note=note.strip(), status=S.AWAITING_MANAGER if accepted else S.DECLINED,
        version=F("version") + 1)
    audit_record(actor=actor, action=Action.UPDATE, object_type=CLOSURE, object_id=closure.pk,
                 child_id=closure.child_id, changes={"early_help_accepted": [None, accepted]},
                 detail="step-down response; basis: step-down offered to this team")
    closure.refresh_from_db()
    return closure


@atomic
def closure_decide(*, actor, closure: Closure, approve: bool, rationale: str) -> Closure:
    require_permission(actor, "closure.decide")
    child, _ = child_for(actor, closure.child_id, for_change=True)
    closure = Closure.objects.select_for_update().select_related("episode").get(pk=closure.pk)
    errors = written(rationale, "rationale", "the reason for your decision", minimum=10)
    if closure.status != S.AWAITING_MANAGER:
        errors["__all__"] = "This closure is not waiting for a manager's decision"
    raise_if(errors)
    if approve:
        # Checked before the plans end, so a refusal leaves them as they were.
        raise_if(closure_errors(closure.episode, closure.closure_date, closure.reason))
        end_open_plans(episode=closure.episode, end_date=closure.closure_date,
                       reason=f"The episode closed ({closure.reason})")
        episode_close(actor=actor, episode=closure.episode, closure_date=closure.closure_date, reason=closure.reason,
                      stepped_down=closure.kind == ClosureKind.STEP_DOWN)
    Closure.objects.filter(pk=closure.pk).update(status=S.APPROVED if approve else S.DECLINED, decided_by=actor,
                                                 decided_on=timezone.localdate(), rationale=rationale.strip(),
                                                 version=F("version") + 1)
    audit_record(actor=actor, action=Action.UPDATE, object_type=CLOSURE, object_id=closure.pk, child_id=child.pk,
                 changes={"status": [S.AWAITING_MANAGER, S.APPROVED if approve else S.DECLINED]})
    closure.refresh_from_db()
    return closure
