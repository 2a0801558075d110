"""Writes for restricted records: naming people, break-glass access, and its review."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from lantern.access.audit_types import BREAK_GLASS
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.audit_log.transactions import atomic
from lantern.people.audit_types import PERSON
from lantern.people.models import Person

from .models import BreakGlassAccess, NamedAccess, RestrictedRecordNotice
from .policy import OutOfReach, can_break_glass, child_for, decide, in_reach, require_permission

MIN_REASON = 20


def _reason(text: str, field: str) -> str:
    text = (text or "").strip()
    if len(text) < MIN_REASON:
        raise ValidationError({field: f"Give a fuller reason (at least {MIN_REASON} characters)"})
    return text


def break_glass_target(user, pk: int) -> Person:
    """The restricted record ``user`` may break the glass on. Anything else, a record that is not
    restricted included, is answered as not found, so the answer tells nobody which records are
    restricted."""
    child = Person.objects.filter(pk=pk, is_child_record=True, is_restricted=True).select_related(
        "current_team").first()
    if child is None or not can_break_glass(user, child):
        raise OutOfReach()
    return child


def _tell_named_people(access: BreakGlassAccess, kind: str) -> None:
    named = NamedAccess.objects.filter(child_id=access.child_id).exclude(user_id=access.user_id)
    RestrictedRecordNotice.objects.bulk_create(
        RestrictedRecordNotice(recipient_id=user_id, access=access, kind=kind)
        for user_id in named.values_list("user_id", flat=True))


@atomic
def break_glass_open(*, actor, child, reason: str) -> BreakGlassAccess:
    """Open a restricted record in an emergency: time-boxed, reasoned, read-only, queued for review,
    and the record's named people are told."""
    child = break_glass_target(actor, child.pk)
    reason = _reason(reason, "reason")
    now = timezone.now()
    access = BreakGlassAccess.objects.create(child=child, user=actor, reason=reason, started_at=now,
                                             expires_at=now + timedelta(hours=settings.LANTERN_BREAK_GLASS_HOURS))
    _tell_named_people(access, RestrictedRecordNotice.Kind.OPENED)
    audit_record(actor=actor, action=Action.BREAK_GLASS, object_type=PERSON, object_id=child.pk,
                 child_id=child.pk, detail=f"until {access.expires_at:%Y-%m-%d %H:%M} UTC")
    return access


@atomic
def break_glass_write_reason(*, actor, child, reason: str) -> BreakGlassAccess:
    """Under break-glass, give the separate reason needed before changing the record."""
    decision = decide(actor, child)
    if decision.glass is None:
        raise OutOfReach() if not decision.allowed else PermissionDenied(
            "You can already change this record; no break-glass reason is needed")
    if not decision.glass.user_id == actor.pk:
        raise OutOfReach()
    access = decision.glass
    access.write_reason, access.write_reason_at = _reason(reason, "reason"), timezone.now()
    access.save(update_fields=["write_reason", "write_reason_at"])
    _tell_named_people(access, RestrictedRecordNotice.Kind.CHANGING)
    audit_record(actor=actor, action=Action.BREAK_GLASS, object_type=BREAK_GLASS, object_id=access.pk,
                 child_id=child.pk, detail=f"reason to change given: {access.write_reason[:200]}")
    return access


@atomic
def break_glass_review(*, actor, access: BreakGlassAccess, note: str) -> BreakGlassAccess:
    require_permission(actor, "break_glass.review")
    if access.reviewed_at:
        raise ValidationError("This access has already been reviewed")
    access.reviewed_by, access.reviewed_at, access.review_note = actor, timezone.now(), note.strip()
    access.save(update_fields=["reviewed_by", "reviewed_at", "review_note"])
    audit_record(actor=actor, action=Action.REVIEW, object_type=BREAK_GLASS, object_id=access.pk,
                 child_id=access.child_id, detail="break-glass access reviewed")
    return access


@atomic
def notices_read(*, actor) -> int:
    return RestrictedRecordNotice.objects.filter(recipient=actor, read_at__isnull=True).update(
        read_at=timezone.now())


@atomic
def restriction_set(*, actor, child, is_restricted: bool, named_users, reason: str) -> None:
    """Restrict a record (or lift it) and set who is named on it. The manager doing it stays named,
    so a restriction can never lock out everyone who manages it."""
    require_permission(actor, "child.restrict")
    child, _ = child_for(actor, child.pk, for_change=True)
    out_of_reach = [u for u in named_users if not in_reach(u, child)]
    if out_of_reach:
        # Naming someone must never give them a record they could not otherwise reach.
        raise ValidationError({"named_user_ids": f"{out_of_reach[0].get_full_name()} cannot reach this record, so "
                                              "cannot be named on it"})
    named = {u.pk for u in named_users} | ({actor.pk} if is_restricted else set())
    before = set(NamedAccess.objects.filter(child=child).values_list("user_id", flat=True))
    NamedAccess.objects.filter(child=child).exclude(user_id__in=named).delete()
    NamedAccess.objects.bulk_create(NamedAccess(child=child, user_id=pk, granted_by=actor) for pk in named - before)
    type(child).objects.filter(pk=child.pk).update(is_restricted=is_restricted)
    audit_record(actor=actor, action=Action.RESTRICT, object_type=PERSON, object_id=child.pk, child_id=child.pk,
                 changes={"is_restricted": [child.is_restricted, is_restricted],
                          "named_users": [sorted(before), sorted(named)]}, detail=reason[:300])
