"""The append-only audit trail. The application only ever inserts; the database refuses UPDATE
and DELETE on this table (see migration 0002), so a bug or a hostile admin cannot rewrite it."""

from django.conf import settings
from django.db import models


class Action(models.TextChoices):
    VIEW = "view", "Viewed"
    SEARCH = "search", "Searched"
    LIST = "list", "Listed"
    CREATE = "create", "Created"
    UPDATE = "update", "Changed"
    EXPORT = "export", "Exported"
    DUPLICATE_CHECK = "duplicate_check", "Duplicate check"
    BREAK_GLASS = "break_glass", "Break-glass access"
    DENIED = "denied", "Access refused"
    RESTRICT = "restrict", "Restriction changed"
    REVIEW = "review", "Reviewed"


class AuditEvent(models.Model):
    at = models.DateTimeField(db_index=True)  # UTC, set by the writer, not by auto_now
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    actor_role = models.CharField(max_length=40)
    ip_address = models.GenericIPAddressField(null=True)
    via = models.CharField(max_length=10, default="web")  # web, api, command
    action = models.CharField(max_length=20, choices=Action.choices)
    # The child whose record was touched; no database constraint so an audit insert never locks or
    # cascades into the child tables.
    child_id = models.BigIntegerField(null=True)
    object_type = models.CharField(max_length=60)
    object_id = models.CharField(max_length=40, blank=True)
    changes = models.JSONField(null=True)
    detail = models.CharField(max_length=300, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["child_id", "at"]),
            models.Index(fields=["actor", "at"]),
        ]
        ordering = ["-at", "-id"]
