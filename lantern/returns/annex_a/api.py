"""The Ofsted Annex A workbook over the API: start one for a period, follow it, list them, download
the file. Same services, access policy and audit trail as the pages. A refused period answers 422
with the reason by field, as every Lantern endpoint does."""

from datetime import date, datetime

from django.http import HttpResponse
from django.utils import timezone
from ninja import Query, Router, Schema

from lantern.api.paging import DateRange, PageQuery, page_of, paged_query
from lantern.api.schema import InputSchema

from .period import default_period
from .services import (
    NoSuchWorkbook,
    annex_a_export_download,
    annex_a_export_get,
    annex_a_export_start,
    annex_a_exports,
)
from .writer import CONTENT_TYPE

router = Router(tags=["Statutory returns and performance"])


class PeriodIn(InputSchema):
    start: date | None = None
    end: date | None = None


class ExportOut(Schema):
    id: int
    start: date
    end: date
    status: str
    task_id: int | None
    done: int
    total: int
    message: str
    rows: int
    lists: dict[str, int]
    created_by: str
    created_at: datetime
    finished_at: datetime | None
    download: str | None


def _status(report) -> str:
    if report.is_ready:
        return "done"
    return "failed" if report.task and report.task.status == "failed" else "running"


def _out(report) -> dict:
    task = report.task
    return {"id": report.pk, "start": report.parameters["start"], "end": report.parameters["end"],
            "status": _status(report), "task_id": report.task_id, "done": task.done if task else 0,
            "total": task.total if task else 0, "message": task.message if task else "", "rows": report.rows,
            "lists": task.result if report.is_ready and task and isinstance(task.result, dict) else {},
            "created_by": str(report.created_by), "created_at": report.created_at,
            "finished_at": report.finished_at,
            "download": f"/api/v1/annex-a/exports/{report.pk}/file" if report.is_ready else None}


@router.post("/annex-a/exports", response={202: ExportOut},
             summary="Start an Ofsted Annex A workbook (lists 1-7) for a period",
             description="The period defaults to the last 6 months. A refused period answers 422 with the reason "
                         "by field.")
def export_start(request, period: PeriodIn):
    fallback = default_period(timezone.localdate())
    start = period.start or (fallback.start if period.end is None else None)
    end = period.end or (fallback.end if period.start is None else None)
    report = annex_a_export_start(actor=request.auth, start=start, end=end)
    return 202, _out(annex_a_export_get(actor=request.auth, pk=report.pk))


@router.get("/annex-a/exports", response=page_of(ExportOut), summary="The Annex A workbooks made",
            description="Newest first; from= and to= on the day each was made.")
def export_list(request, paging: Query[PageQuery], dates: Query[DateRange]):
    rows = dates.apply(annex_a_exports(actor=request.auth), "created_at__date")
    return paged_query(rows, paging, order=("-created_at", "-pk")).out(_out)


@router.get("/annex-a/exports/{export_id}", response={200: ExportOut, 404: dict},
            summary="One Annex A workbook's progress and row counts",
            description="Its file is ready when status is done.")
def export_status(request, export_id: int):
    try:
        return 200, _out(annex_a_export_get(actor=request.auth, pk=export_id))
    except NoSuchWorkbook as exc:
        return 404, {"detail": str(exc)}


@router.get("/annex-a/exports/{export_id}/file", response={200: None, 404: dict},
            summary="Download an Annex A workbook (.xlsx)",
            description="Each download is written to the audit trail with every child in the workbook.")
def export_file(request, export_id: int):
    try:
        filename, data = annex_a_export_download(actor=request.auth, pk=export_id)
    except NoSuchWorkbook as exc:
        return 404, {"detail": str(exc)}
    response = HttpResponse(data, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
