"""Text that a later save replaced. A report, a note or an assessment section can be rewritten, and
the record must still show what was said before and by whom: what someone read and acted on is
part of the child's record (ADR 0015)."""

from django.conf import settings
from django.db import models


class Revision(models.Model):
    record_type = models.CharField(max_length=60)  # the audit trail's object_type for the record
    record_id = models.PositiveBigIntegerField()
    field = models.CharField(max_length=80)  # a field name, or the chronology event a note is about
    label = models.CharField(max_length=120)  # the field as the page names it ("Social work report")
    child = models.ForeignKey("people.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    version = models.PositiveIntegerField()  # the record's version while this text was current
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    replaced_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    replaced_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-replaced_at", "-id"]
        indexes = [models.Index(fields=["record_type", "record_id"]), models.Index(fields=["child"])]

    def __str__(self) -> str:
        return f"{self.record_type} {self.record_id} {self.field} (version {self.version})"
