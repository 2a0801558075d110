"""The compendium as a PDF for the board: made in the background with a progress bar, kept as a
ReportFile(kind=PARTNERSHIP, parameters={"start", "end"}) for everyone who may read the compendium,
and audited when made and at every download."""

import io
from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from lantern.access.policy import OutOfReach, require_permission
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.audit_log.transactions import atomic
from lantern.returns.audit_types import PARTNERSHIP_COMPENDIUM_DOWNLOAD, PARTNERSHIP_COMPENDIUM_PDF
from lantern.tasks.registry import register_task
from lantern.tasks.runner import task_start

from ..pdf import write_compendium_pdf
from ..period import Period
from ..sections import BUILDERS, compendium_sections
from ..selectors import STEPS, compendium_indicators
from .compendium import VIEW_PERMISSION

EXPORT_PERMISSION = "partnership.export"
LISTED = 20


def _files():
    from lantern.returns.models import ReportFile

    return ReportFile.objects.filter(kind=ReportFile.Kind.PARTNERSHIP)


def period_of(report) -> Period:
    """The period a kept PDF covers, as it was asked for."""
    return Period(date.fromisoformat(report.parameters["start"]), date.fromisoformat(report.parameters["end"]))


def _may_export(actor) -> None:
    require_permission(actor, EXPORT_PERMISSION)


@register_task("partnership_compendium_pdf", permit=_may_export)
def _run(actor, inputs: dict, progress) -> dict:
    from lantern.returns.models import ReportFile

    report_id = inputs["report_id"]
    period = period_of(ReportFile.objects.only("parameters").get(pk=report_id))
    steps = len(STEPS)
    total = steps + len(BUILDERS) + 1
    generated_at = timezone.now()
    compendium = compendium_indicators(period, as_at=generated_at, progress=progress_shift(progress, 0, total))
    sections = compendium_sections(compendium)
    stream = io.BytesIO()
    write_compendium_pdf(sections, stream, authority=settings.LANTERN_AUTHORITY_NAME, period_label=period.label,
                         generated_at=timezone.localtime(generated_at), author=actor.get_full_name() or actor.username,
                         progress=progress_shift(progress, steps, total))
    data = stream.getvalue()
    progress(total - 1, total, "Saving the PDF")
    from lantern.returns.models import ReportFile

    with atomic():
        ReportFile.objects.filter(pk=report_id).update(
            content=data, content_type="application/pdf", finished_at=timezone.now(),
            filename=f"partnership-compendium-{period.start:%Y%m%d}-{period.end:%Y%m%d}-{report_id}.pdf")
        audit_record(actor=actor, action=Action.EXPORT, object_type=PARTNERSHIP_COMPENDIUM_PDF, object_id=report_id,
                     detail=f"Partnership compendium PDF made: {period.label}; aggregates only, "
                            f"{len(data):,} bytes")
    progress(total, total, "Finished")
    return {"Period": period.label, "Pages of figures": len(sections), "Size": f"{len(data) // 1024:,} KB"}


def progress_shift(progress, offset: int, total: int):
    """A part's progress(done, _, message) reported as a step of the whole task."""
    return lambda done, _total, message: progress(offset + done, total, message)


def compendium_pdf_start(*, actor, period: Period):
    """Start making the PDF for ``period``; returns the ReportFile, whose content appears when the task ends."""
    from lantern.returns.models import ReportFile

    require_permission(actor, EXPORT_PERMISSION)
    report = ReportFile.objects.create(kind=ReportFile.Kind.PARTNERSHIP, parameters=period.params, created_by=actor)
    task = task_start(kind="partnership_compendium_pdf", title=f"Partnership data compendium: {period.label}",
                      actor=actor, inputs={"report_id": report.pk})
    ReportFile.objects.filter(pk=report.pk).update(task=task)
    report.refresh_from_db()
    return report


def compendium_pdf_query(*, actor):
    """Every PDF made, without its content, unordered (the API pages it). The board's papers: everyone
    who may read the compendium sees the same list."""
    require_permission(actor, VIEW_PERMISSION)
    return _files().defer("content").select_related("created_by", "task")


def compendium_pdfs(*, actor, limit: int = LISTED) -> list:
    """The latest PDFs made, newest first, without their content."""
    return list(compendium_pdf_query(actor=actor).order_by("-created_at", "-pk")[:limit])


def compendium_pdf_for(*, actor, pk: int):
    require_permission(actor, VIEW_PERMISSION)
    report = _files().defer("content").select_related("created_by", "task").filter(pk=pk).first()
    if report is None:
        raise OutOfReach("No partnership compendium has that number")
    return report


def compendium_pdf_download(*, actor, report) -> bytes:
    """The PDF's bytes, once made; each download is audited."""
    require_permission(actor, VIEW_PERMISSION)
    if not report.is_ready:
        raise PermissionDenied("The PDF is not ready yet")
    data = _files().filter(pk=report.pk).values_list("content", flat=True).first()
    with atomic():
        audit_record(actor=actor, action=Action.EXPORT, object_type=PARTNERSHIP_COMPENDIUM_DOWNLOAD,
                     object_id=report.pk, detail=f"Partnership compendium PDF downloaded: "
                                                 f"{report.parameters.get('start')} to {report.parameters.get('end')}")
    return bytes(data or b"")
