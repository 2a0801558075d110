"""Reading the audit trail: who looked at a child's record, and what they did."""

from django.db.models import QuerySet

from .models import AuditEvent


def audit_events_for_child(child_id: int) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(child_id=child_id).select_related("actor").order_by("-at", "-id")
