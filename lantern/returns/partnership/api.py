"""The compendium over the API: its indicators as JSON for a period, and its PDF (start one, follow it,
list them, download one). Same services, access policy and audit trail as the page."""

from dataclasses import is_dataclass
from datetime import date, datetime

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils import timezone
from ninja import Query, Router, Schema

from lantern.api.paging import DateRange, PageQuery, page_of, paged_query
from lantern.api.schema import Day, InputSchema

from .period import default_period, period_from
from .selectors.common import Share
from .services import (
    compendium_pdf_download,
    compendium_pdf_for,
    compendium_pdf_query,
    compendium_pdf_start,
    compendium_read,
)

router = Router(tags=["Statutory returns and performance"])


class CompendiumPeriodIn(InputSchema):
    start: date
    end: date


class CompendiumPdfOut(Schema):
    id: int
    start: date
    end: date
    status: str
    task_id: int | None
    created_at: datetime
    finished_at: datetime | None
    download: str | None


def _period(start: date | None, end: date | None):
    today = timezone.localdate()
    if start is None and end is None:
        return default_period(today)
    return period_from(start, end, today)


def _plain(value):
    """Dataclasses to JSON: shares keep their percentage, months their label and dates."""
    if isinstance(value, Share):
        return value.as_dict()
    if is_dataclass(value) and not isinstance(value, type):
        plain = {f: _plain(getattr(value, f)) for f in value.__dataclass_fields__}
        for name in ("label", "partial"):
            if hasattr(type(value), name) and isinstance(getattr(type(value), name), property):
                plain[name] = getattr(value, name)
        return plain
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def compendium_json(compendium) -> dict:
    data = _plain(compendium)
    data["period"] = {"start": compendium.period.start.isoformat(), "end": compendium.period.end.isoformat(),
                      "label": compendium.period.label}
    return data


def _pdf_out(report) -> dict:
    failed = not report.is_ready and report.task is not None and report.task.status == "failed"
    return {"id": report.pk, "start": report.parameters["start"], "end": report.parameters["end"],
            "status": "done" if report.is_ready else ("failed" if failed else "running"),
            "task_id": report.task_id, "created_at": report.created_at, "finished_at": report.finished_at,
            "download": f"/api/v1/partnership/compendiums/{report.pk}/file" if report.is_ready else None}


@router.get("/partnership/indicators", response=dict,
            summary="The partnership compendium's indicators for a period",
            description="Aggregates only, for the safeguarding partnership board; start= and end= (default: the "
                        "last 12 months).")
def indicators(request, start: Day | None = None, end: Day | None = None):
    return compendium_json(compendium_read(actor=request.auth, period=_period(start, end), channel="api"))


@router.post("/partnership/compendiums", response={202: CompendiumPdfOut},
             summary="Start making the compendium PDF for a period",
             description="In the background; follow it at /api/v1/partnership/compendiums/{compendium_id}.")
def pdf_start(request, payload: CompendiumPeriodIn):
    return 202, _pdf_out(compendium_pdf_start(actor=request.auth, period=_period(payload.start, payload.end)))


@router.get("/partnership/compendiums", response=page_of(CompendiumPdfOut), summary="The compendium PDFs made",
            description="Newest first; from= and to= on the day each was made. Everyone who reads the compendium "
                        "sees the same list.")
def pdf_list(request, paging: Query[PageQuery], dates: Query[DateRange]):
    rows = dates.apply(compendium_pdf_query(actor=request.auth), "created_at__date")
    return paged_query(rows, paging, order=("-created_at", "-pk")).out(_pdf_out)


@router.get("/partnership/compendiums/{compendium_id}", response=CompendiumPdfOut,
            summary="A compendium PDF's progress", description="Its file is ready when status is done.")
def pdf_status(request, compendium_id: int):
    return _pdf_out(compendium_pdf_for(actor=request.auth, pk=compendium_id))


@router.get("/partnership/compendiums/{compendium_id}/file", summary="Download a compendium PDF",
            description="Each download is written to the audit trail.")
def pdf_file(request, compendium_id: int):
    report = compendium_pdf_for(actor=request.auth, pk=compendium_id)
    if not report.is_ready:
        raise PermissionDenied("The PDF is not ready yet")
    response = HttpResponse(compendium_pdf_download(actor=request.auth, report=report),
                            content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{report.filename}"'
    return response
