"""Keeping the text a save replaces. Called by each service that rewrites text, inside its own
transaction, after its version check: a refused (stale) save keeps nothing, and a kept revision
never outlives a save that rolled back."""

from collections.abc import Mapping

from django.db import transaction

from lantern.service_layer.concurrency import ConcurrentEditError

from .models import Revision


def text_at_version(model, pk: int, expected_version: int, fields: tuple[str, ...], *,
                    what: str = "this record") -> dict:
    """The stored values of ``fields`` at the version the writer read, locked until the save commits
    (so they are exactly the text the save replaces); a stale version is refused, naming ``what``."""
    row = model.objects.select_for_update().filter(pk=pk, version=expected_version).values(*fields).first()
    if row is None:
        raise ConcurrentEditError(what=what)
    return row


def keep_replaced(*, actor, record_type: str, record_id: int, child_id: int | None, version: int,
                  before: Mapping[str, str], after: Mapping[str, str], labels: Mapping[str, str],
                  written_by_id: int | None = None) -> list[Revision]:
    """Keep each field's earlier text that ``after`` changes. Empty text is not kept (there was
    nothing to lose), nor text saved again unchanged. ``version`` is the record's version while the
    earlier text was current, that is the version the writer read."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("keep_replaced runs inside the save's transaction")
    kept = [Revision(record_type=record_type, record_id=record_id, field=name, label=labels.get(name, name)[:120],
                     child_id=child_id, text=old, version=version, written_by_id=written_by_id, replaced_by=actor)
            for name, new in after.items()
            if (old := (before.get(name) or "")).strip() and old != (new or "")]
    return Revision.objects.bulk_create(kept)
