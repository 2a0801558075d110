"""Writing the audit trail: one row per action, inside the caller's transaction."""

from collections.abc import Iterable, Mapping
from contextlib import nullcontext
from datetime import date, datetime
from typing import Any

from django.db import connection, transaction

from . import sealing
from .chain import normal_ip, plain_json, row_hash
from .context import current_origin
from .models import Action, AuditEvent, AuditEventChild
from .types import require_declared

LINK_BATCH = 5000


def audit_record(
    *,
    actor,
    action: Action | str,
    object_type: str,
    object_id: Any = "",
    child_id: int | None = None,
    changes: Mapping[str, Any] | None = None,
    detail: str = "",
    children: Iterable[int] = (),
) -> AuditEvent:
    """Record one action on a declared kind of record (``object_type``, a constant from the owning
    part's ``audit_types.py``). ``children`` names every other child it showed or wrote (a list page,
    an export), each then finding the row on their own "who has looked" page."""
    require_declared(object_type)
    origin = current_origin()
    others = sorted({int(c) for c in children} - {child_id})
    event = AuditEvent(
        actor=actor if getattr(actor, "pk", None) else None,
        actor_role=getattr(actor, "role", "") or "system",
        ip_address=normal_ip(origin.ip_address),
        via=origin.via,
        action=str(action),
        child_id=child_id,
        object_type=object_type,
        object_id=str(object_id or ""),
        changes=plain_json(dict(changes)) if changes else None,
        detail=detail[:300],
    )
    event.row_hash = row_hash(actor_id=event.actor_id, actor_role=event.actor_role, ip_address=event.ip_address,
                              via=event.via, action=event.action, child_id=child_id, object_type=object_type,
                              object_id=event.object_id, changes=event.changes, detail=event.detail,
                              children=others)
    # The row and its children land together or not at all (no savepoint when already in a
    # transaction). A lone row on PostgreSQL is one statement, atomic by itself; SQLite seals it in
    # the same transaction (sealing.py).
    together = bool(others) or connection.vendor != "postgresql"
    with transaction.atomic(savepoint=False) if together else nullcontext():
        event.save(force_insert=True)
        for start in range(0, len(others), LINK_BATCH):
            AuditEventChild.objects.bulk_create(AuditEventChild(event_id=event.pk, child_id=c)
                                                for c in others[start:start + LINK_BATCH])
        sealing.seal_after_write()
    return event


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
