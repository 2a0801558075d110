"""The hand-over to the child protection part: a front door decision for a strategy discussion stays
on the "Strategy discussion needed" list until that part records that the discussion is arranged."""

from django.core.exceptions import ValidationError
from django.utils import timezone

from lantern.access.policy import require_permission
from lantern.audit_log.models import Action
from lantern.audit_log.transactions import atomic

from ..codes import DecisionStatus, Outcome
from ..models import Contact
from .common import audit_contact


@atomic
def strategy_arranged(*, actor, contact: Contact) -> Contact:
    """For the child protection part: the strategy discussion a front door decision asked for is arranged,
    so the contact leaves the 'Strategy discussion needed' list."""
    require_permission(actor, "child.edit")
    decision = contact.decisions.filter(status=DecisionStatus.FINAL).first()
    if decision is None or decision.outcome != Outcome.STRATEGY:
        raise ValidationError("This contact did not decide on a strategy discussion")
    if contact.strategy_arranged_at is None:
        contact.strategy_arranged_at = timezone.now()
        contact.save(update_fields=["strategy_arranged_at"])
        audit_contact(actor=actor, action=Action.UPDATE, contact=contact, detail="strategy discussion arranged")
    return contact
