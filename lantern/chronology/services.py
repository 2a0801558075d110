"""Marking an event in a child's chronology as significant, or removing the mark; both audited. The
note is the worker's own words about the child: a save on a stale page is refused, and a note
rewritten or removed is kept as an earlier version."""

from django.core.exceptions import ValidationError

from lantern.access.policy import child_for, require_permission
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.audit_log.transactions import atomic
from lantern.chronology.audit_types import CHRONOLOGY_EVENT
from lantern.revisions.services import keep_replaced
from lantern.service_layer.concurrency import ConcurrentEditError

from .models import SignificantEvent
from .selectors import event_for

NOTE_RECORD = "chronology_note"  # kept per child, the field naming the event


def mark_version(child, key: str) -> int:
    """The version a page or API client reads before changing a mark: 0 while the event has none."""
    return SignificantEvent.objects.filter(child=child, event_key=key).values_list("version", flat=True).first() or 0


@atomic
def event_significance_set(*, actor, child, key: str, significant: bool, note: str = "",
                           expected_version: int) -> SignificantEvent:
    require_permission(actor, "chronology.mark")
    child, _ = child_for(actor, child.pk, for_change=True)
    if event_for(child, key) is None:
        raise ValidationError({"key": "There is no such event in this child's chronology"})
    if len(note) > 300:
        raise ValidationError({"note": "Keep the note to 300 characters or fewer"})
    existing = SignificantEvent.objects.select_for_update().filter(child=child, event_key=key).first()
    if (existing.version if existing else 0) != expected_version:
        raise ConcurrentEditError(what="this event's mark")
    was_significant = bool(existing and existing.is_significant)
    mark = existing or SignificantEvent(child=child, event_key=key, marked_by=actor, version=0)
    before = mark.note if existing else ""
    mark.note, mark.marked_by = (note.strip() if significant else ""), actor
    mark.is_significant, mark.version = significant, mark.version + 1
    mark.save()
    keep_replaced(actor=actor, record_type=NOTE_RECORD, record_id=child.pk, child_id=child.pk,
                  version=expected_version, before={key: before}, after={key: mark.note},
                  labels={key: "Why it matters"})
    audit_record(actor=actor, action=Action.UPDATE, object_type=CHRONOLOGY_EVENT, object_id=key[:40],
                 child_id=child.pk, changes={"significant": [was_significant, significant]}, detail=key)
    return mark
