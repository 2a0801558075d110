"""The one access policy for pages and API alike.

Every list of children starts from ``visible_children(user)``; every single record is fetched with
``child_for(user, pk, ...)``, which decides, records a refusal, and returns the record or raises.

Three answers are possible for a child's record:
- allowed (in this person's scope, or named on a restricted record, or opened with break-glass);
- restricted: the person would reach the record were it not restricted, so they are told it is
  restricted and may be offered break-glass (``RestrictedRecord``, 403);
- out of reach: the same answer as for a record that does not exist (``OutOfReach``, 404), so
  nobody learns which records exist, or which are restricted, outside their own reach.
Restricting a record only ever narrows who can reach it."""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from lantern.access.audit_types import PERMISSION
from lantern.accounts.models import Team
from lantern.audit_log.refusals import audit_refusal
from lantern.people.audit_types import PERSON
from lantern.people.models import Involvement, Person

from .models import BreakGlassAccess, NamedAccess
from .permissions import ALL_SECTIONS, AUTHORITY_WIDE_TEAM_KINDS, PERMISSIONS, ROLE_SCOPE, ROLE_SECTIONS, Scope

NOT_FOUND = "No child record you can see has that ID"


class OutOfReach(PermissionDenied, Http404):
    """Missing, or outside this person's reach: answered as "not found" (404) either way. It is a
    PermissionDenied too, so code that treats any refusal alike keeps doing so."""

    def __init__(self, message: str = NOT_FOUND):
        super().__init__(message)


class RestrictedRecord(PermissionDenied):
    """The record is restricted and this person, who would otherwise reach it, is not named on it;
    break-glass may be offered."""

    def __init__(self, child: Person):
        super().__init__("This record is restricted")
        self.child = child

    def response_for(self, request):
        """The page shown wherever this refusal reaches a person (lantern/web/middleware.py)."""
        from django.shortcuts import render

        from .forms import BreakGlassForm

        return render(request, "access/restricted.html",
                      {"child_pk": self.child.pk, "form": BreakGlassForm(),
                       "can_break_glass": can_break_glass(request.user, self.child)}, status=403)


class BreakGlassWriteReasonNeeded(PermissionDenied):
    """Break-glass opens a record for reading; changing it needs a reason of its own first."""

    def __init__(self, child: Person):
        super().__init__("Break-glass access lets you read this record. To change it, first give your reason "
                         "for changing it; the people named on the record are told.")
        self.child = child


@dataclass(frozen=True)
class Decision:
    allowed: bool
    basis: str
    # Refused only because the record is restricted: the person may be told so and offered break-glass.
    restricted: bool = False
    glass: BreakGlassAccess | None = None


def has_permission(user, permission: str) -> bool:
    if permission not in PERMISSIONS:
        raise KeyError(f"Unknown permission {permission!r}")
    return bool(user and user.is_authenticated and user.is_active and user.role in PERMISSIONS[permission])


def require_permission(user, permission: str) -> None:
    if not has_permission(user, permission):
        if user is not None and getattr(user, "is_authenticated", False):
            audit_refusal(actor=user, object_type=PERMISSION, object_id=permission, detail="role may not do this")
        raise PermissionDenied(f"Your role cannot do this ({permission})")


def scope_for(user) -> Scope:
    scope = ROLE_SCOPE.get(user.role, Scope.NONE)
    if scope in (Scope.TEAM, Scope.SERVICE) and user.team_id and user.team.kind in AUTHORITY_WIDE_TEAM_KINDS:
        return Scope.AUTHORITY
    return scope


def sections_for(user) -> frozenset[str]:
    return ROLE_SECTIONS.get(user.role, ALL_SECTIONS)


def _own_work(user, via: str) -> Q:
    involved = Involvement.objects.filter(child=OuterRef(via or "pk"), practitioner=user, end_date__isnull=True)
    return Q(**{_field(via, "current_worker"): user}) | Q(Exists(involved))


def _field(via: str, name: str) -> str:
    return f"{via}__{name}" if via else name


def _scope_filter(user, via: str = "") -> Q | None:
    scope = scope_for(user)
    if scope is Scope.NONE or not has_permission(user, "child.view"):
        return None
    if scope is Scope.AUTHORITY:
        return Q()
    if scope is Scope.TEAM and user.team_id:
        return Q(**{_field(via, "current_team_id"): user.team_id}) | _own_work(user, via)
    if scope is Scope.SERVICE and user.team_id:
        teams = Team.objects.filter(service_id=user.team.service_id).values("pk")
        return Q(**{_field(via, "current_team_id__in"): teams}) | _own_work(user, via)
    return _own_work(user, via)


def _restriction_filter(user, via: str = "") -> Q:
    ref = OuterRef(via or "pk")
    named = NamedAccess.objects.filter(child=ref, user=user)
    glass = BreakGlassAccess.objects.filter(child=ref, user=user, expires_at__gt=timezone.now())
    return Q(**{_field(via, "is_restricted"): False}) | Q(Exists(named)) | Q(Exists(glass))


def visible_children(user) -> QuerySet[Person]:
    scope = _scope_filter(user) if user.is_authenticated else None
    if scope is None:
        return Person.objects.none()
    return Person.objects.filter(is_child_record=True).filter(scope).filter(_restriction_filter(user))


def visible_through(user, via: str) -> Q | None:
    """The same rule as ``visible_children``, as a filter on another table's rows through its
    foreign key ``via`` to the child (``Obligation.objects.filter(visible_through(user, "child"))``).
    Joining the child this way lets the database start from the other table's own index instead of
    from every child the reader may see. None when the reader may see no child at all."""
    scope = _scope_filter(user, via) if user.is_authenticated else None
    if scope is None:
        return None
    return Q(**{_field(via, "is_child_record"): True}) & scope & _restriction_filter(user, via)


def in_reach(user, child: Person) -> bool:
    """Whether ``user`` would reach ``child`` were the record not restricted."""
    scope = _scope_filter(user) if user.is_authenticated else None
    return scope is not None and Person.objects.filter(pk=child.pk).filter(scope).exists()


def emergency_cover(user) -> bool:
    """Staff of the teams the authority names for emergencies (the front door, out of hours)."""
    kinds = settings.LANTERN_BREAK_GLASS_EMERGENCY_TEAM_KINDS
    return bool(user.team_id) and user.team.kind in kinds


def can_break_glass(user, child: Person) -> bool:
    """Break-glass never widens reach: only people who would reach the record were it not
    restricted, and emergency cover, may use it."""
    if not has_permission(user, "child.break_glass"):
        return False
    return in_reach(user, child) or (emergency_cover(user) and scope_for(user) is not Scope.NONE)


def decide(user, child: Person) -> Decision:
    """Whether ``user`` may see ``child``'s record, and on what basis (kept in the audit row)."""
    scope = _scope_filter(user) if user.is_authenticated else None
    if scope is None:
        return Decision(False, "role has no access to children's records")
    if child.is_restricted:
        reach = in_reach(user, child)
        if reach and NamedAccess.objects.filter(child=child, user=user).exists():
            return Decision(True, "named on restricted record")
        glass = BreakGlassAccess.objects.filter(child=child, user=user, expires_at__gt=timezone.now()).first()
        if glass:
            return Decision(True, f"break-glass until {glass.expires_at:%d %b %Y %H:%M}", glass=glass)
        if reach or emergency_cover(user):
            return Decision(False, "restricted record", restricted=True)
        return Decision(False, "restricted record, outside this person's reach")
    if not Person.objects.filter(pk=child.pk).filter(scope).exists():
        return Decision(False, "outside this person's team, service and involvements")
    return Decision(True, scope_for(user).value)


def child_for(user, pk: int, *, for_change: bool = False) -> tuple[Person, Decision]:
    """Fetch a child's record for this user, or raise. A refusal is itself audited, and kept even
    if the caller's transaction rolls back (audit_log/refusals.py)."""
    child = Person.objects.filter(pk=pk, is_child_record=True).select_related(
        "current_team", "current_worker"
    ).first()
    if child is None:
        raise OutOfReach()
    decision = decide(user, child)
    if decision.allowed and for_change:
        decision = _for_change(user, child, decision)
    if not decision.allowed:
        audit_refusal(actor=user, object_type=PERSON, object_id=child.pk, child_id=child.pk, detail=decision.basis)
        if decision.restricted:
            raise RestrictedRecord(child)
        if decision.basis == "role is read-only":
            raise PermissionDenied("Your role cannot change children's records")
        if decision.basis == "break-glass without a reason to change":
            raise BreakGlassWriteReasonNeeded(child)
        raise OutOfReach()
    return child, decision


def _for_change(user, child: Person, decision: Decision) -> Decision:
    if not has_permission(user, "child.edit"):
        return Decision(False, "role is read-only")
    if decision.glass is not None and not decision.glass.write_reason:
        return Decision(False, "break-glass without a reason to change")
    if decision.glass is not None:
        return Decision(True, f"{decision.basis}; changing: {decision.glass.write_reason[:120]}", glass=decision.glass)
    return decision


def child_for_action(actor, child_id: int, permission: str) -> Person:
    """The child, for an act ``permission`` allows: reached through the policy, and fetched to change
    where the role may change records at all. Chairs and partner practitioners have no general
    right to change a child's record, only the acts given to them (a conference's decision, their
    agency's report), so for them the record is read, never opened for change."""
    require_permission(actor, permission)
    child, _ = child_for(actor, child_id, for_change=has_permission(actor, "child.edit"))
    return child
