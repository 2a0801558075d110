"""What the census services share: who may act for the whole authority, and the calendar."""

from django.core.exceptions import PermissionDenied

from lantern.access.permissions import Scope
from lantern.access.policy import require_permission, scope_for


def require_whole_authority(actor, permission: str) -> None:
    """A census covers every child of the authority, restricted records included (the file carries no
    names, and the return is a statutory duty). Only a role that reaches the whole authority may
    produce one; restricted children are counted in the audit row."""
    require_permission(actor, permission)
    if scope_for(actor) is not Scope.AUTHORITY:
        raise PermissionDenied("The CIN census covers the whole authority; your access covers part of it")


def in_background(work):
    """Work for ``task_start`` that writes its audit rows with the address and channel of the request
    that started it (the task's thread does not inherit them)."""
    from lantern.audit_log.context import current_origin, reset_origin, set_origin

    origin = current_origin()

    def run(progress):
        token = set_origin(origin)
        try:
            return work(progress)
        finally:
            reset_origin(token)
    return run
