"""Reading one part of a child's record: the policy decides, the section must be shared with the
reader's role, and the read is audited."""

from django.core.exceptions import PermissionDenied

from lantern.access.policy import child_for, sections_for
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record

from ..models import Person


def read_section(request, child_id: int, what: str, section: str) -> Person:
    child, decision = child_for(request.auth, child_id)
    if section not in sections_for(request.auth):
        raise PermissionDenied("This part of the record is not shared with you")
    audit_record(actor=request.auth, action=Action.VIEW, object_type=what, object_id=child_id, child_id=child_id,
                 detail=f"api; basis: {decision.basis}")
    return child
