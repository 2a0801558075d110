"""What each role may do in this part of Lantern, as data; merged into the one access policy
(lantern/access/permissions.py), which refuses anything not listed.

Social workers, senior practitioners and team managers hold the screening permissions by role,
but use them only while they work in the front door (or the out-of-hours team), and service managers
only when their service runs a front door or out-of-hours team: ``front_door_staff`` adds that rule,
and every front door page and service checks it. Everyone else reaches a contact only through a
child whose record they may open (frontdoor/access.py)."""

from lantern.accounts.roles import EVERYONE, MANAGERS, PRACTITIONERS, RECORD_READERS, Role, TeamKind

R = Role
SCREENING_ROLES = PRACTITIONERS | MANAGERS | {R.FRONT_DOOR_SCREENER}
# These roles screen only from a front door or out-of-hours team; screeners and service managers anywhere.
TEAM_BOUND = frozenset({R.SOCIAL_WORKER, R.SENIOR_PRACTITIONER, R.TEAM_MANAGER})
FRONT_DOOR_TEAMS = frozenset({TeamKind.FRONT_DOOR, TeamKind.EMERGENCY_DUTY})

PERMISSIONS: dict[str, frozenset[str]] = {
    "frontdoor.screen": SCREENING_ROLES,
    # Reading a contact through a child whose record one may open; partners see only their own referrals.
    "frontdoor.contact_read": RECORD_READERS,
    "frontdoor.authorise": MANAGERS,
    "frontdoor.report": MANAGERS | {R.QA_AUDITOR, R.PERFORMANCE_ANALYST, R.INSPECTOR},
    "frontdoor.refer": frozenset({R.PARTNER_PRACTITIONER}),
    "frontdoor.notify": frozenset({R.PARTNER_PRACTITIONER}),  # police partners only; see services
    "frontdoor.thresholds": EVERYONE,
    "frontdoor.configure": frozenset({R.SERVICE_MANAGER, R.ADMINISTRATOR}),
}


def front_door_staff(user) -> bool:
    """Whether this person works the front door now (their role and, for some roles, their team)."""
    from lantern.access.policy import has_permission

    if not has_permission(user, "frontdoor.screen"):
        return False
    if user.role in TEAM_BOUND:
        return bool(user.team_id) and user.team.kind in FRONT_DOOR_TEAMS
    if user.role in MANAGERS:
        # A service manager oversees the front door only if their service runs one.
        from lantern.accounts.models import Team

        return bool(user.team_id) and Team.objects.filter(service_id=user.team.service_id,
                                                          kind__in=FRONT_DOOR_TEAMS).exists()
    return True


def require_front_door_staff(user, permission: str = "frontdoor.screen") -> None:
    from django.core.exceptions import PermissionDenied

    from lantern.access.policy import require_permission

    require_permission(user, permission)
    if not front_door_staff(user):
        raise PermissionDenied("This is for the front door team")
