"""Reading the compendium's figures for a period, live, with its audit row."""

from django.utils import timezone

from lantern.access.policy import require_permission
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.audit_log.transactions import atomic
from lantern.returns.audit_types import PARTNERSHIP_COMPENDIUM

from ..period import Period
from ..selectors import Compendium, compendium_indicators

VIEW_PERMISSION = "partnership.view"


def compendium_read(*, actor, period: Period, channel: str = "page") -> Compendium:
    """Every indicator for ``period`` as at now. Aggregates only (see permissions.py for who and why)."""
    require_permission(actor, VIEW_PERMISSION)
    with atomic():
        compendium = compendium_indicators(period, as_at=timezone.now())
        audit_record(actor=actor, action=Action.LIST, object_type=PARTNERSHIP_COMPENDIUM,
                     detail=f"{channel}; {period.label}; aggregates by agency and month, no child identities")
    return compendium
