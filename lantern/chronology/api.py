"""API for the child's chronology and its significance marks."""

from datetime import date

from ninja import Field, Query, Router, Schema

from lantern.access.policy import child_for, require_permission
from lantern.api.paging import DateRange, PageQuery, page_of, paged_list
from lantern.api.schema import InputSchema, Text
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.chronology.audit_types import CHRONOLOGY
from lantern.revisions.schemas import RevisionOut, revisions_out
from lantern.revisions.selectors import earlier_versions

from .models import SignificantEvent
from .selectors import chronology_rows
from .services import NOTE_RECORD, event_significance_set

router = Router(tags=["The child's chronology"])


class EventOut(Schema):
    kind: str
    kind_label: str
    key: str
    on: date
    title: str
    detail: str
    link: str
    significant: bool
    note: str
    version: int = Field(0, description="The mark's version, to send back when changing it (0: never marked)")
    earlier_versions: list[RevisionOut] = Field([], description="Earlier notes on this event, newest first")


class SignificanceIn(InputSchema):
    key: str
    significant: bool
    note: str = ""
    version: int


def _rows(child, kind: list[str] | None, significant: bool) -> list:
    return chronology_rows(child, only=kind or None, significant_only=significant)


def _converter(child):
    """Each row as the API shows it, with its mark's version and earlier notes (two queries for all)."""
    versions = dict(SignificantEvent.objects.filter(child=child).values_list("event_key", "version"))
    notes = earlier_versions(NOTE_RECORD, child.pk)

    def out(r) -> EventOut:
        return EventOut(kind=r.event.kind, kind_label=r.kind_label, key=r.event.key, on=r.event.on,
                        title=r.event.title, detail=r.event.detail, link=r.event.link, significant=r.significant,
                        note=r.note, version=versions.get(r.event.key, 0),
                        earlier_versions=revisions_out(n for n in notes if n.field == r.event.key))
    return out


@router.get("/children/{child_id}/chronology", response=page_of(EventOut), summary="A child's chronology",
            description="Newest first. Repeat kind= to filter by kind; significant=true for marked events only; "
                        "from= and to= on the event's date.")
def chronology(request, child_id: int, paging: Query[PageQuery], dates: Query[DateRange], significant: bool = False,
               kind: Query[list[Text] | None] = None):
    require_permission(request.auth, "chronology.view")
    child, decision = child_for(request.auth, child_id)
    kind = kind or []
    audit_record(actor=request.auth, action=Action.VIEW, object_type=CHRONOLOGY, object_id=child_id,
                 child_id=child_id, detail=f"api; kinds: {', '.join(kind) or 'all'}; basis: {decision.basis}")
    rows = [r for r in _rows(child, kind, significant) if dates.holds(r.event.on)]
    return paged_list(rows, paging, name="chronology").out(_converter(child))


@router.post("/children/{child_id}/chronology/significance", response=EventOut,
             summary="Mark an event as significant, or remove the mark",
             description="With a note; send the mark's version you read (0 if never marked): 409 if stale. Answers "
                         "the event as it now stands.")
def significance(request, child_id: int, payload: SignificanceIn):
    child, _ = child_for(request.auth, child_id, for_change=True)
    event_significance_set(actor=request.auth, child=child, key=payload.key, significant=payload.significant,
                           note=payload.note, expected_version=payload.version)
    row = next(r for r in _rows(child, None, False) if r.event.key == payload.key)
    return _converter(child)(row)
