"""What each role may do, as data. Anything not listed here is refused (deny by default)."""

from enum import Enum

from lantern.accounts.roles import CASE_WORKERS, EVERYONE, MANAGERS, STAFF, Role, TeamKind

R = Role


class Scope(Enum):
    """Which children's records a role reaches before involvement and restriction are considered."""

    NONE = "none"
    INVOLVEMENT = "involvement"  # only children they hold or are involved with
    TEAM = "team"
    SERVICE = "service"
    AUTHORITY = "authority"


ROLE_SCOPE: dict[str, Scope] = {
    R.SOCIAL_WORKER: Scope.TEAM,
    R.SENIOR_PRACTITIONER: Scope.TEAM,
    R.EARLY_HELP_PRACTITIONER: Scope.TEAM,
    R.TEAM_MANAGER: Scope.SERVICE,
    R.SERVICE_MANAGER: Scope.SERVICE,
    R.FRONT_DOOR_SCREENER: Scope.AUTHORITY,
    R.CP_CHAIR: Scope.AUTHORITY,
    R.QA_AUDITOR: Scope.AUTHORITY,
    R.PERFORMANCE_ANALYST: Scope.AUTHORITY,
    R.INSPECTOR: Scope.AUTHORITY,
    R.PARTNER_PRACTITIONER: Scope.INVOLVEMENT,
    R.ADMINISTRATOR: Scope.NONE,
}

# The front door and the out-of-hours team must find any child, whatever team holds them.
AUTHORITY_WIDE_TEAM_KINDS = frozenset({TeamKind.FRONT_DOOR, TeamKind.EMERGENCY_DUTY})


PERMISSIONS: dict[str, frozenset[str]] = {
    "child.search": (EVERYONE - {R.ADMINISTRATOR}),
    "child.view": (EVERYONE - {R.ADMINISTRATOR}),
    "child.create": CASE_WORKERS,
    "child.edit": CASE_WORKERS,
    "child.allocate": CASE_WORKERS,
    "child.restrict": MANAGERS,
    "child.access_log": MANAGERS,
    # Inspectors ask the authority; administrators manage access but never read records.
    "child.break_glass": STAFF - {R.ADMINISTRATOR, R.INSPECTOR},
    "break_glass.review": frozenset({R.ADMINISTRATOR}),
    "directory.view": STAFF,
    "api.token": EVERYONE,
    "worklist.mine": CASE_WORKERS | {R.CP_CHAIR},
    "worklist.team": MANAGERS | {R.SENIOR_PRACTITIONER},
    "worklist.service": MANAGERS | {R.QA_AUDITOR, R.PERFORMANCE_ANALYST, R.INSPECTOR},
    "timescales.configure": frozenset({R.ADMINISTRATOR}),
}

# Sections of a child's summary. Partner practitioners see only what is shared with them.
ALL_SECTIONS = frozenset({"identity", "characteristics", "identifiers", "addresses", "family",
                          "allocation", "professionals", "timescales", "episodes", "casework", "protection"})
ROLE_SECTIONS: dict[str, frozenset[str]] = {
    # Partners in a child's core group see the child protection plan and conferences they are part of.
    R.PARTNER_PRACTITIONER: frozenset({"identity", "allocation", "professionals", "protection"}),
}


def _merge_feature_permissions() -> None:
    """Each part of the journey declares its permissions in its own permissions.py; they join this
    one table, and a name declared twice is an error."""
    from importlib import import_module

    from lantern.parts import part_names

    for app in part_names():
        for name, roles in import_module(f"lantern.{app}.permissions").PERMISSIONS.items():
            if name in PERMISSIONS:
                raise ValueError(f"Permission {name} is declared twice (again in lantern.{app})")
            PERMISSIONS[name] = frozenset(roles)


def _check_table() -> None:
    known = {str(role) for role in Role}
    for name, roles in PERMISSIONS.items():
        unknown = {str(r) for r in roles} - known
        if unknown:
            raise ValueError(f"Permission {name} names unknown roles {unknown}")
    missing = known - {str(r) for r in ROLE_SCOPE}
    if missing:
        raise ValueError(f"Roles without a scope: {missing}")


_merge_feature_permissions()
_check_table()
