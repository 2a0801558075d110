"""The append-only, hash-chained audit trail. The application only ever inserts; the database
refuses DELETE, and UPDATE except the one-time sealing of a new row into the chain (migrations
0002 and 0004). On PostgreSQL the application's own role may not UPDATE, DELETE or TRUNCATE these
tables at all (``manage.py database_roles``; ADR 0014)."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Now


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
    # The database's clock, not the application's: a server with a wrong clock cannot misdate rows.
    at = models.DateTimeField(db_default=Now(), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    actor_role = models.CharField(max_length=40)
    ip_address = models.GenericIPAddressField(null=True)
    via = models.CharField(max_length=10, default="web")  # web, api, command
    action = models.CharField(max_length=20, choices=Action.choices)
    # The child whose record was touched; no database constraint so an audit insert never locks or
    # cascades into the child tables. Other children an action showed are in AuditEventChild.
    child_id = models.BigIntegerField(null=True)
    object_type = models.CharField(max_length=60)
    object_id = models.CharField(max_length=40, blank=True)
    changes = models.JSONField(null=True)
    detail = models.CharField(max_length=300, blank=True)
    row_hash = models.CharField(max_length=64, default="")
    # Set once, when the row is sealed into the chain (see chain.py).
    seq = models.BigIntegerField(null=True, unique=True)
    chain_hash = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        indexes = [
            models.Index(fields=["child_id", "at"]),
            models.Index(fields=["actor", "at"]),
            # Rows waiting to be sealed: a handful at any moment, so the sealer finds them at once.
            models.Index(fields=["id"], condition=models.Q(seq__isnull=True), name="audit_unsealed_idx"),
        ]
        ordering = ["-at", "-id"]


class AuditEventChild(models.Model):
    """A child an action showed or wrote beside (or instead of) the event's own ``child_id``: each
    child on a search page, a work list, a drill-down or an export, so that child's "who has looked"
    page lists it. The event's row hash covers these ids, so a removed or added link is found."""

    event = models.ForeignKey(AuditEvent, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+")
    child_id = models.BigIntegerField()

    class Meta:
        indexes = [models.Index(fields=["child_id", "event"])]
