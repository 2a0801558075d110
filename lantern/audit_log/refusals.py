"""Refusals stay in the audit trail even when the work that was refused is rolled back.

A service checks access inside its transaction; when the check fails, the exception rolls the
transaction back, and with it the "denied" row the check wrote. So each refusal written inside a
transaction is also remembered here until its transaction commits. When a block ends in an
exception (``lantern.audit_log.transactions.atomic``, and the request middleware after every
request), any remembered refusal whose row is gone is written again, outside the rolled-back
work. A refusal therefore lands exactly once, whether the caller commits or rolls back."""

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction

from .models import Action, AuditEvent
from .services import audit_record


@dataclass
class _Refusal:
    fields: dict[str, Any]
    event_id: int
    # With the id, tells the row apart from a later one given the same id after the rollback.
    row_hash: str


class _Pending(threading.local):
    def __init__(self) -> None:
        self.refusals: list[_Refusal] = []


_pending = _Pending()


def audit_refusal(*, actor, object_type: str, object_id: Any = "", child_id: int | None = None,
                  children: Iterable[int] = (), detail: str = "") -> AuditEvent:
    fields = {"actor": actor, "object_type": object_type, "object_id": object_id, "child_id": child_id,
              "children": list(children), "detail": detail}
    event = audit_record(action=Action.DENIED, **fields)
    if connection.in_atomic_block:
        _remember(_Refusal(fields, event.pk, event.row_hash))
    return event


def _remember(refusal: _Refusal) -> None:
    _pending.refusals.append(refusal)
    transaction.on_commit(lambda: _forget(refusal))


def _forget(refusal: _Refusal) -> None:
    _pending.refusals[:] = [r for r in _pending.refusals if r is not refusal]


def keep_refusals() -> None:
    """Write again every remembered refusal that a rollback removed. Called after a block has
    rolled back; does nothing while an enclosing block is itself marked for rollback (that block's
    own exit will call this again)."""
    if not _pending.refusals or (connection.in_atomic_block and connection.needs_rollback):
        return
    waiting = list(_pending.refusals)
    present = set(AuditEvent.objects.filter(pk__in=[r.event_id for r in waiting]).values_list("pk", "row_hash"))
    for refusal in waiting:
        if (refusal.event_id, refusal.row_hash) in present:
            continue
        _forget(refusal)
        event = audit_record(action=Action.DENIED, **refusal.fields)
        if connection.in_atomic_block:
            _remember(_Refusal(refusal.fields, event.pk, event.row_hash))


def forget_refusals() -> None:
    """Start a request or a test with nothing remembered from the last one on this thread."""
    _pending.refusals.clear()
