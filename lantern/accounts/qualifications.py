"""Who may do what a registered social worker must do (lead a Section 47 enquiry, say): the rule,
written once, with what to tell the person choosing."""

from .roles import Role


def registered_social_worker_problem(user, what: str) -> str | None:
    """Why ``user`` cannot be the registered social worker who ``what``, or None."""
    if user is None:
        return f"Select the registered social worker who {what}"
    if not user.is_active or user.role == Role.PARTNER_PRACTITIONER:
        return f"{user} cannot be chosen: only local authority staff can do this"
    if not user.is_registered_social_worker:
        return (f"{user} is not a registered social worker. Only a social worker registered with Social Work "
                f"England {what}, out of hours included")
    return None
