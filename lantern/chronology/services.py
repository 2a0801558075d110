"""Marking an event in a child's chronology as significant, or removing the mark; both audited."""

from django.core.exceptions import ValidationError
from django.db import transaction

from lantern.access.policy import child_for, require_permission
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record

from .models import SignificantEvent
from .selectors import event_for


@transaction.atomic
def event_significance_set(*, actor, child, key: str, significant: bool, note: str = "") -> SignificantEvent | None:
    require_permission(actor, "chronology.mark")
    child, _ = child_for(actor, child.pk, for_change=True)
    if event_for(child, key) is None:
        raise ValidationError({"key": "There is no such event in this child's chronology"})
    if len(note) > 300:
        raise ValidationError({"note": "Keep the note to 300 characters or fewer"})
    existing = SignificantEvent.objects.filter(child=child, event_key=key).first()
    if significant:
        mark = existing or SignificantEvent(child=child, event_key=key, marked_by=actor)
        mark.note, mark.marked_by = note.strip(), actor
        mark.save()
    elif existing:
        existing.delete()
        mark = None
    else:
        mark = None
    audit_record(actor=actor, action=Action.UPDATE, object_type="chronology_event", object_id=key[:40],
                 child_id=child.pk, changes={"significant": [existing is not None, significant]}, detail=key)
    return mark
