"""What the census services share: who may act for the whole authority."""

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

