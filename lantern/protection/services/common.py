"""Pieces every child protection service shares: fetching the child through the access policy,
refusing stale saves, checking people's roles and qualifications, and the shape of an action."""



from lantern.access.policy import child_for, has_permission, require_permission
from lantern.accounts.roles import Role

MIN_WRITTEN = 20  # characters: "fine" is not an assessment of risk or a rationale


def child_to_change(actor, child_id: int, permission: str):
    """The child, for a write this actor's role allows. Chairs and partner practitioners have no
    general right to change a child's record, only the child protection actions given to them."""
    require_permission(actor, permission)
    child, _ = child_for(actor, child_id, for_change=has_permission(actor, "child.edit"))
    return child


def registered_social_worker_error(user, what: str) -> str | None:
    if user is None:
        return f"Select the registered social worker who {what}"
    if not user.is_active or user.role == Role.PARTNER_PRACTITIONER:
        return f"{user} cannot be chosen: only local authority staff can do this"
    if not user.is_registered_social_worker:
        return (f"{user} is not a registered social worker. Only a social worker registered with Social Work "
                f"England {what}, out of hours included")
    return None
