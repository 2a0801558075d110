"""Reading the audit trail: who looked at a child's record, and what they did."""

from django.db.models import Q, QuerySet

from .models import AuditEvent, AuditEventChild


def audit_events_for_child(child_id: int) -> QuerySet[AuditEvent]:
    """Every row about this child: those filed under the child, and those that showed the child
    among others (a search page, a work list, an export). The other rows' ids are read first, so
    the database can use both indexes instead of scanning the trail."""
    shown = list(AuditEventChild.objects.filter(child_id=child_id).values_list("event_id", flat=True))
    where = Q(child_id=child_id) | Q(pk__in=shown) if shown else Q(child_id=child_id)
    return AuditEvent.objects.filter(where).select_related("actor").order_by("-at", "-id")


def children_of_event(object_type: str, object_id) -> list[int]:
    """The children an earlier action named (an export's), so that handing its file out again is
    recorded against each of them too."""
    events = AuditEvent.objects.filter(object_type=object_type, object_id=str(object_id)).values("pk")
    return list(AuditEventChild.objects.filter(event_id__in=events).values_list("child_id", flat=True))
