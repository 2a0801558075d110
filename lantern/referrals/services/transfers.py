"""Transferring the work to another worker or team: a written summary with the current evaluation
of risk, then a manager's decision. The assessment and plan stay on the episode, so the receiving
team carries them on instead of starting a new assessment."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils import timezone

from lantern.access.policy import child_for, require_permission
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.audit_log.transactions import atomic
from lantern.people.models import Allocation
from lantern.people.services import allocation_change
from lantern.referrals.audit_types import TRANSFER
from lantern.service_layer.errors import written

from ..models import Episode, Transfer, TransferStatus


@atomic
def transfer_propose(*, actor, episode: Episode, to_team, to_worker=None, transfer_date: date, summary: str,
                     risk_evaluation: str) -> Transfer:
    require_permission(actor, "transfer.propose")
    child, _ = child_for(actor, episode.child_id, for_change=True)
    errors = {**written(summary, "summary", "the transfer summary"),
              **written(risk_evaluation, "risk_evaluation", "the current evaluation of risk")}
    if not episode.is_open:
        errors["__all__"] = "This episode is closed"
    if episode.transfers.filter(status=TransferStatus.PROPOSED).exists():
        errors["__all__"] = "A transfer of this episode is already waiting for a manager's decision"
    if to_worker is not None and to_worker.team_id != to_team.pk:
        errors["to_worker_id"] = f"{to_worker} is not a member of {to_team}"
    if to_team.pk == child.current_team_id and (to_worker.pk if to_worker else None) == child.current_worker_id:
        errors["to_team_id"] = "The child is already allocated to this team and worker"
    if transfer_date < episode.referral_date:
        errors["transfer_date"] = "The transfer date cannot be before the referral date"
    elif transfer_date > timezone.localdate():
        errors["transfer_date"] = "The transfer date cannot be in the future"
    current = Allocation.objects.filter(child=child, end_date__isnull=True).first()
    if current and transfer_date < current.start_date and "transfer_date" not in errors:
        errors["transfer_date"] = f"The current allocation started on {current.start_date:%-d %B %Y}: the transfer " \
                                  "cannot be before that"
    if errors:
        raise ValidationError(errors)
    transfer = Transfer.objects.create(
        episode=episode, child=child, from_team_id=child.current_team_id, from_worker_id=child.current_worker_id,
        to_team=to_team, to_worker=to_worker, transfer_date=transfer_date, summary=summary.strip(),
        risk_evaluation=risk_evaluation.strip(), proposed_by=actor)
    audit_record(actor=actor, action=Action.CREATE, object_type=TRANSFER, object_id=transfer.pk, child_id=child.pk,
                 changes={"to_team": [child.current_team_id, to_team.pk],
                          "to_worker": [child.current_worker_id, to_worker.pk if to_worker else None],
                          "transfer_date": [None, transfer_date.isoformat()]})
    return transfer


@atomic
def transfer_decide(*, actor, transfer: Transfer, approve: bool, rationale: str) -> Transfer:
    """A manager approves (the allocation changes from the transfer date) or declines."""
    require_permission(actor, "transfer.decide")
    child, _ = child_for(actor, transfer.child_id, for_change=True)
    transfer = Transfer.objects.select_for_update().get(pk=transfer.pk)
    errors = written(rationale, "rationale", "the reason for your decision", minimum=10)
    if transfer.status != TransferStatus.PROPOSED:
        errors["__all__"] = "This transfer has already been decided"
    if errors:
        raise ValidationError(errors)
    if approve:
        try:
            allocation_change(actor=actor, child=child, team=transfer.to_team, worker=transfer.to_worker,
                              start_date=transfer.transfer_date, reason=f"Transfer of the episode {transfer.episode}")
        except ValidationError as exc:
            # The decision has no date of its own: the transfer's date is the proposal's, so the refusal
            # concerns the decision as a whole.
            raise ValidationError({"__all__": exc.messages}) from exc
        Episode.objects.filter(pk=transfer.episode_id).update(team=transfer.to_team, worker=transfer.to_worker,
                                                              version=F("version") + 1)
    transfer.status = TransferStatus.APPROVED if approve else TransferStatus.DECLINED
    transfer.decided_by, transfer.decided_on = actor, timezone.localdate()
    transfer.decision_rationale = rationale.strip()
    transfer.save(update_fields=["status", "decided_by", "decided_on", "decision_rationale"])
    audit_record(actor=actor, action=Action.UPDATE, object_type=TRANSFER, object_id=transfer.pk, child_id=child.pk,
                 changes={"status": [TransferStatus.PROPOSED, transfer.status]})
    return transfer
