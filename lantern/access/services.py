"""Writes for restricted records: naming people, break-glass access, and its review."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record

from .models import BreakGlassAccess, NamedAccess
from .policy import can_break_glass, child_for, require_permission


@transaction.atomic
def break_glass_open(*, actor, child, reason: str) -> BreakGlassAccess:
    """Open a restricted record in an emergency: time-boxed, reasoned, and queued for review."""
    if not can_break_glass(actor):
        raise PermissionDenied("Your role cannot use break-glass access")
    reason = reason.strip()
    if len(reason) < 20:
        raise ValidationError({"reason": "Give a fuller reason (at least 20 characters)"})
    now = timezone.now()
    access = BreakGlassAccess.objects.create(child=child, user=actor, reason=reason, started_at=now,
                                             expires_at=now + timedelta(hours=settings.LANTERN_BREAK_GLASS_HOURS))
    audit_record(actor=actor, action=Action.BREAK_GLASS, object_type="person", object_id=child.pk,
                 child_id=child.pk, detail=f"until {access.expires_at:%Y-%m-%d %H:%M} UTC")
    return access


@transaction.atomic
def break_glass_review(*, actor, access: BreakGlassAccess, note: str) -> BreakGlassAccess:
    require_permission(actor, "break_glass.review")
    if access.reviewed_at:
        raise ValidationError("This access has already been reviewed")
    access.reviewed_by, access.reviewed_at, access.review_note = actor, timezone.now(), note.strip()
    access.save(update_fields=["reviewed_by", "reviewed_at", "review_note"])
    audit_record(actor=actor, action=Action.REVIEW, object_type="break_glass", object_id=access.pk,
                 child_id=access.child_id, detail="break-glass access reviewed")
    return access


@transaction.atomic
def restriction_set(*, actor, child, is_restricted: bool, named_users, reason: str) -> None:
    """Restrict a record (or lift it) and set who is named on it. The manager doing it stays named,
    so a restriction can never lock out everyone who manages it."""
    require_permission(actor, "child.restrict")
    child, _ = child_for(actor, child.pk)
    named = {u.pk for u in named_users} | ({actor.pk} if is_restricted else set())
    before = set(NamedAccess.objects.filter(child=child).values_list("user_id", flat=True))
    NamedAccess.objects.filter(child=child).exclude(user_id__in=named).delete()
    NamedAccess.objects.bulk_create(NamedAccess(child=child, user_id=pk, granted_by=actor) for pk in named - before)
    type(child).objects.filter(pk=child.pk).update(is_restricted=is_restricted)
    audit_record(actor=actor, action=Action.RESTRICT, object_type="person", object_id=child.pk, child_id=child.pk,
                 changes={"is_restricted": [child.is_restricted, is_restricted],
                          "named_users": [sorted(before), sorted(named)]}, detail=reason[:300])
