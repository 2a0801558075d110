"""Writing the audit trail: one insert per action, inside the caller's transaction."""

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from django.utils import timezone

from .context import current_origin
from .models import Action, AuditEvent


def audit_record(
    *,
    actor,
    action: Action | str,
    object_type: str,
    object_id: Any = "",
    child_id: int | None = None,
    changes: Mapping[str, Any] | None = None,
    detail: str = "",
) -> AuditEvent:
    origin = current_origin()
    return AuditEvent.objects.create(
        at=timezone.now(),
        actor=actor if getattr(actor, "pk", None) else None,
        actor_role=getattr(actor, "role", "") or "system",
        ip_address=origin.ip_address,
        via=origin.via,
        action=str(action),
        child_id=child_id,
        object_type=object_type,
        object_id=str(object_id or ""),
        changes=dict(changes) if changes else None,
        detail=detail[:300],
    )


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if hasattr(value, "pk"):
        return value.pk
    return value


def field_changes(instance, fields: Iterable[str], before: Mapping[str, Any]) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for the fields whose value changed; values made JSON-safe."""
    changed = {}
    for name in fields:
        old, new = _plain(before.get(name)), _plain(getattr(instance, name))
        if old != new:
            changed[name] = [old, new]
    return changed


def snapshot(instance, fields: Iterable[str]) -> dict[str, Any]:
    return {name: getattr(instance, name) for name in fields}
