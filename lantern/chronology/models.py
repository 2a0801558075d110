"""Events a worker has marked as significant in a child's chronology. The events themselves are
not stored here: they are generated from every part of the record (registry.py); a mark is kept
against the event's stable key."""

from django.conf import settings
from django.db import models


class SignificantEvent(models.Model):
    child = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    event_key = models.CharField(max_length=80)
    note = models.CharField("Why it matters", max_length=300, blank=True)
    # Unmarking keeps the row (and its version), so a page opened before the mark was removed is refused.
    is_significant = models.BooleanField(default=True)
    version = models.PositiveIntegerField(default=1)
    marked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    marked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["child", "event_key"], name="significant_once_per_event")]
