"""API for break-glass access: the same services, checks and audit trail as the pages."""

from datetime import datetime

from ninja import Router, Schema

from lantern.api.schema import InputSchema

from .policy import child_for
from .services import break_glass_open, break_glass_target, break_glass_write_reason

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


def _out(access) -> BreakGlassOut:
    return BreakGlassOut(id=access.pk, child_id=access.child_id, started_at=access.started_at,
                         expires_at=access.expires_at, reason=access.reason, write_reason=access.write_reason)


@router.post("/children/{pk}/break-glass", response={201: BreakGlassOut},
             summary="Break the glass on a restricted record",
             description="Opens a restricted record you would otherwise reach, for reading, for a set time. The "
                         "reason (at least 20 characters) is kept, the record's named people are told, and an "
                         "administrator reviews it. A record that is not restricted, or is out of your reach, "
                         "is answered 404 like one that does not exist.")
def break_glass_create(request, pk: int, payload: ReasonIn):
    child = break_glass_target(request.auth, pk)
    return 201, _out(break_glass_open(actor=request.auth, child=child, reason=payload.reason))


@router.post("/children/{pk}/break-glass/changes", response=BreakGlassOut,
             summary="Give the reason to change a record opened with break-glass",
             description="Break-glass access reads; before the first change, give a reason of its own. The "
                         "record's named people are told.")
def break_glass_changes(request, pk: int, payload: ReasonIn):
    child, _ = child_for(request.auth, pk)
    return _out(break_glass_write_reason(actor=request.auth, child=child, reason=payload.reason))
