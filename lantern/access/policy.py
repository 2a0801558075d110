"""The one access policy for pages and API alike.

Every list of children starts from ``visible_children(user)``; every single record is fetched with
``child_for(user, pk, ...)``, which decides, records a refusal, and returns the record or raises."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from lantern.accounts.models import Team
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.people.models import Involvement, Person

from .models import BreakGlassAccess, NamedAccess
from .permissions import ALL_SECTIONS, AUTHORITY_WIDE_TEAM_KINDS, PERMISSIONS, ROLE_SCOPE, ROLE_SECTIONS, Scope


class RestrictedRecord(PermissionDenied):
    """The record is restricted and this person is not named on it; break-glass may be offered."""

    def __init__(self, child: Person):
        super().__init__("This record is restricted")
        self.child = child


@dataclass(frozen=True)
class Decision:
    allowed: bool
    basis: str


def has_permission(user, permission: str) -> bool:
    if permission not in PERMISSIONS:
        raise KeyError(f"Unknown permission {permission!r}")
    return bool(user and user.is_authenticated and user.is_active and user.role in PERMISSIONS[permission])


def require_permission(user, permission: str) -> None:
    if not has_permission(user, permission):
        raise PermissionDenied(f"Your role cannot do this ({permission})")


def scope_for(user) -> Scope:
    scope = ROLE_SCOPE.get(user.role, Scope.NONE)
    if scope in (Scope.TEAM, Scope.SERVICE) and user.team_id and user.team.kind in AUTHORITY_WIDE_TEAM_KINDS:
        return Scope.AUTHORITY
    return scope


def can_break_glass(user) -> bool:
    return has_permission(user, "child.break_glass") and scope_for(user) not in (Scope.NONE, Scope.INVOLVEMENT)


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


def decide(user, child: Person) -> Decision:
    """Whether ``user`` may see ``child``'s record, and on what basis (kept in the audit row)."""
    scope = _scope_filter(user) if user.is_authenticated else None
    if scope is None:
        return Decision(False, "role has no access to children's records")
    in_scope = Person.objects.filter(pk=child.pk).filter(scope).exists()
    if child.is_restricted:
        if NamedAccess.objects.filter(child=child, user=user).exists():
            return Decision(True, "named on restricted record")
        glass = BreakGlassAccess.objects.filter(child=child, user=user, expires_at__gt=timezone.now()).first()
        if glass:
            return Decision(True, f"break-glass until {glass.expires_at:%d %b %Y %H:%M}")
        return Decision(False, "restricted record")
    if not in_scope:
        return Decision(False, "outside this person's team, service and involvements")
    return Decision(True, scope_for(user).value)


def child_for(user, pk: int, *, for_change: bool = False) -> tuple[Person, Decision]:
    """Fetch a child's record for this user, or raise. A refusal is itself audited."""
    child = Person.objects.filter(pk=pk, is_child_record=True).select_related(
        "current_team", "current_worker"
    ).first()
    if child is None:
        raise PermissionDenied("No child record you can see has that ID")
    decision = decide(user, child)
    if decision.allowed and for_change and not has_permission(user, "child.edit"):
        decision = Decision(False, "role is read-only")
    if not decision.allowed:
        audit_record(actor=user, action=Action.DENIED, object_type="person", object_id=child.pk,
                     child_id=child.pk, detail=decision.basis)
        if child.is_restricted and decision.basis == "restricted record":
            raise RestrictedRecord(child)
        raise PermissionDenied("You do not have access to this child's record")
    return child, decision
