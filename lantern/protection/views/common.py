"""Pieces the child protection pages share: fetching a record of the child already fetched through
the policy, and the people a form offers. Pages run services through lantern.service_layer.pages."""

from django.shortcuts import get_object_or_404

from lantern.accounts.models import User
from lantern.accounts.roles import CASE_STAFF, Role
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record


def record_of(queryset, child, pk: int):
    """A record of this child (who was fetched through the access policy), or 404."""
    return get_object_or_404(queryset, pk=pk, child=child)


def audit_view(request, child, decision, object_type: str, pk: int) -> None:
    audit_record(actor=request.user, action=Action.VIEW, object_type=object_type, object_id=pk, child_id=child.pk,
                 detail=f"{object_type.replace('_', ' ')}; basis: {decision.basis}")


def case_staff():
    return User.objects.filter(is_active=True, role__in=CASE_STAFF).select_related("team").order_by(
        "last_name", "first_name")


def chairs():
    return User.objects.filter(is_active=True, role=Role.CP_CHAIR).order_by("last_name", "first_name")


def posted(request):
    return request.POST if request.method == "POST" else None
