"""API for restricted records and break-glass access: the same services, checks and audit trail as the
pages."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema

from lantern.access.audit_types import BREAK_GLASS, RESTRICTION
from lantern.accounts.models import User
from lantern.api.paging import PageQuery, choice, page_of, paged_query
from lantern.api.schema import InputSchema, Text
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.people.audit_types import PERSON

from .models import BreakGlassAccess, NamedAccess, RestrictedRecordNotice
from .policy import child_for, require_permission, visible_children
from .services import (
    break_glass_open,
    break_glass_review,
    break_glass_target,
    break_glass_write_reason,
    notices_read,
    restriction_set,
)

router = Router(tags=["Restricted records and break-glass access"])


class ReasonIn(InputSchema):
    reason: str


class BreakGlassOut(Schema):
    id: int
    child_id: int
    started_at: datetime
    expires_at: datetime
    reason: str
    write_reason: str


class BreakGlassReviewOut(BreakGlassOut):
    user_id: int
    reviewed_at: datetime | None
    reviewed_by_id: int | None
    review_note: str


class BreakGlassReviewIn(InputSchema):
    note: str


class RestrictionIn(InputSchema):
    is_restricted: bool
    named_user_ids: list[int] = Field([], description="Who may open the record; you stay named yourself")
    reason: str


class RestrictionOut(Schema):
    child_id: int
    is_restricted: bool
    named_user_ids: list[int]


class NoticeOut(Schema):
    id: int
    kind: str = Field(description="opened: someone broke the glass; changing: they gave a reason to change it")
    child_id: int
    by_user_id: int
    reason: str
    created_at: datetime


class NoticesReadOut(Schema):
    marked_read: int


def _out(access) -> BreakGlassOut:
    return BreakGlassOut(id=access.pk, child_id=access.child_id, started_at=access.started_at,
                         expires_at=access.expires_at, reason=access.reason, write_reason=access.write_reason)


@router.post("/children/{child_id}/break-glass", response={201: BreakGlassOut},
             summary="Break the glass on a restricted record",
             description="Opens a restricted record you would otherwise reach, for reading, for a set time. The "
                         "reason (at least 20 characters) is kept, the record's named people are told, and an "
                         "administrator reviews it. A record that is not restricted, or is out of your reach, "
                         "is answered 404 like one that does not exist.")
def break_glass_create(request, child_id: int, payload: ReasonIn):
    child = break_glass_target(request.auth, child_id)
    return 201, _out(break_glass_open(actor=request.auth, child=child, reason=payload.reason))


@router.post("/children/{child_id}/break-glass/changes", response=BreakGlassOut,
             summary="Give the reason to change a record opened with break-glass",
             description="Break-glass access reads; before the first change, give a reason of its own. The "
                         "record's named people are told.")
def break_glass_changes(request, child_id: int, payload: ReasonIn):
    child, _ = child_for(request.auth, child_id)
    return _out(break_glass_write_reason(actor=request.auth, child=child, reason=payload.reason))


def _restriction_out(child) -> RestrictionOut:
    named = sorted(NamedAccess.objects.filter(child=child).values_list("user_id", flat=True))
    return RestrictionOut(child_id=child.pk, is_restricted=child.is_restricted, named_user_ids=named)


@router.get("/children/{child_id}/restriction", response=RestrictionOut,
            summary="Whether a record is restricted, and who is named on it", description="For managers.")
def restriction_detail(request, child_id: int):
    require_permission(request.auth, "child.restrict")
    child, decision = child_for(request.auth, child_id)
    audit_record(actor=request.auth, action=Action.VIEW, object_type=RESTRICTION, object_id=child.pk,
                 child_id=child.pk, detail=f"api; basis: {decision.basis}")
    return _restriction_out(child)


@router.put("/children/{child_id}/restriction", response=RestrictionOut,
            summary="Restrict a record to named people, or lift the restriction",
            description="Only people who would reach the record anyway can be named; you stay named yourself.")
def restriction_change(request, child_id: int, payload: RestrictionIn):
    require_permission(request.auth, "child.restrict")
    child, _ = child_for(request.auth, child_id, for_change=True)
    users = list(User.objects.filter(pk__in=payload.named_user_ids, is_active=True))
    if len(users) < len(set(payload.named_user_ids)):
        raise ValidationError({"named_user_ids": "Name only active members of staff, by their id"})
    restriction_set(actor=request.auth, child=child, is_restricted=payload.is_restricted, named_users=users,
                    reason=payload.reason)
    child.refresh_from_db()
    return _restriction_out(child)


@router.get("/break-glass", response=page_of(BreakGlassReviewOut), summary="Break-glass access to review",
            description="For administrators. Newest first; status=pending (not reviewed yet) or reviewed.")
def break_glass_list(request, paging: Query[PageQuery], status: Text | None = None):
    require_permission(request.auth, "break_glass.review")
    rows = BreakGlassAccess.objects.all()
    if choice("status", status, ("pending", "reviewed")):
        rows = rows.filter(reviewed_at__isnull=status == "pending")
    page = paged_query(rows, paging, order=("-started_at", "-pk"))
    audit_record(actor=request.auth, action=Action.LIST, object_type=BREAK_GLASS,
                 children=[a.child_id for a in page.items], detail=f"api; {len(page.items)} shown")
    return page.out()


@router.post("/break-glass/{break_glass_id}/review", response=BreakGlassReviewOut,
             summary="Record the review of a break-glass access", description="For administrators, once each.")
def break_glass_review_create(request, break_glass_id: int, payload: BreakGlassReviewIn):
    require_permission(request.auth, "break_glass.review")
    access = get_object_or_404(BreakGlassAccess, pk=break_glass_id)
    return break_glass_review(actor=request.auth, access=access, note=payload.note)


@router.get("/me/break-glass-notices", response=page_of(NoticeOut),
            summary="Break-glass on records you are named on, not yet read",
            description="What your home page shows: newest first, only records you may open.")
def notice_list(request, paging: Query[PageQuery]):
    require_permission(request.auth, "child.view")
    rows = RestrictedRecordNotice.objects.filter(recipient=request.auth, read_at__isnull=True,
                                                 access__child__in=visible_children(request.auth))
    page = paged_query(rows.select_related("access"), paging, order=("-created_at", "-pk"))
    audit_record(actor=request.auth, action=Action.LIST, object_type=PERSON,
                 children=[n.access.child_id for n in page.items], detail=f"api; {len(page.items)} notices")
    return page.out(lambda n: NoticeOut(id=n.pk, kind=n.kind, child_id=n.access.child_id,
                                        by_user_id=n.access.user_id,
                                        reason=n.access.write_reason if n.kind == "changing" else n.access.reason,
                                        created_at=n.created_at))


@router.post("/me/break-glass-notices/read", response=NoticesReadOut, summary="Mark every notice as read",
             description="As the home page's button does.")
def notice_read(request):
    require_permission(request.auth, "child.view")
    return NoticesReadOut(marked_read=notices_read(actor=request.auth))
