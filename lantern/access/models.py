"""Who may open a restricted record: named people, and time-boxed break-glass access."""

from django.conf import settings
from django.db import models


class NamedAccess(models.Model):
    """A person named on a restricted record. Only they (and active break-glass) can see it."""

    child = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="named_access")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="named_access")
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["child", "user"], name="named_access_once")]


class BreakGlassAccess(models.Model):
    """Emergency access to a restricted record: a typed reason, an expiry, and a review."""

    child = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="break_glass")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="break_glass")
    reason = models.TextField()
    started_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(blank=True)
    # Break-glass opens the record for reading; changing it needs this second reason first.
    write_reason = models.TextField(blank=True)
    write_reason_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["child", "user", "expires_at"]), models.Index(fields=["reviewed_at"])]


class RestrictedRecordNotice(models.Model):
    """Tells a person named on a restricted record that someone broke the glass on it, or gave a
    reason to change it under break-glass. Shown on their home page until they have read it."""

    class Kind(models.TextChoices):
        OPENED = "opened", "opened the record with break-glass access"
        CHANGING = "changing", "gave a reason to change the record under break-glass access"

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    access = models.ForeignKey(BreakGlassAccess, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["recipient", "read_at"])]
