"""Producing the Annex A workbook in the background and downloading it, each checking the access
policy and writing its audit row in the same transaction as the change it records."""

import io

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from lantern.access.permissions import Scope
from lantern.access.policy import require_permission, scope_for
from lantern.audit_log.models import Action
from lantern.audit_log.selectors import children_of_event
from lantern.audit_log.services import audit_record
from lantern.audit_log.transactions import atomic
from lantern.returns.audit_types import ANNEX_A_DOWNLOAD, ANNEX_A_EXPORT
from lantern.tasks.registry import register_task
from lantern.tasks.runner import task_start

from .period import Period, period_check
from .selectors import LISTS
from .writer import CONTENT_TYPE, AnnexWorkbook

EXPORT_PERMISSION = "annex_a.export"


class NoSuchWorkbook(LookupError):
    """No Annex A workbook has that number (or, for a download, it is not finished)."""


def require_whole_authority(actor) -> None:
    """Annex A lists every child the authority worked with in the period, restricted records
    included (Ofsted inspects them all); only a role whose access reaches the whole authority may
    produce or download it. Restricted children are counted in the audit row."""
    require_permission(actor, EXPORT_PERMISSION)
    if scope_for(actor) is not Scope.AUTHORITY:
        raise PermissionDenied("The Annex A workbook covers the whole authority; your access covers part of it")


def _filename(report_id: int, period: Period) -> str:
    return f"annex-a-{settings.LANTERN_LA_CODE}-{period.start:%Y%m%d}-{period.end:%Y%m%d}-{report_id}.xlsx"


@register_task("annex_a_export", permit=require_whole_authority)
def _run_export(actor, inputs: dict, progress) -> dict:
    from lantern.returns.models import ReportFile

    report_id = inputs["report_id"]
    period = Period.from_parameters(ReportFile.objects.values_list("parameters", flat=True).get(pk=report_id))

    steps = len(LISTS) + 1
    book = AnnexWorkbook(authority=settings.LANTERN_AUTHORITY_NAME, period=period,
                         generated_at=timezone.localtime())
    children: set[int] = set()
    restricted: set[int] = set()
    counts: dict[str, int] = {}
    for n, annex_list in enumerate(LISTS):
        progress(n, steps, f"Reading list {annex_list.number} of {len(LISTS)}: {annex_list.title.lower()}")
        found = annex_list.select(period)
        book.add_list(annex_list, found)
        counts[f"List {annex_list.number}: {annex_list.title}"] = len(found.rows)
        children |= found.children
        restricted |= {pk for pk, child in found.people.items() if child.restricted}
    progress(len(LISTS), steps, "Writing the workbook")
    stream = io.BytesIO()
    book.save(stream)
    rows = sum(counts.values())
    with atomic():
        ReportFile.objects.filter(pk=report_id).update(
            content=stream.getvalue(), filename=_filename(report_id, period), content_type=CONTENT_TYPE, rows=rows,
            finished_at=timezone.now())
        audit_record(actor=actor, action=Action.EXPORT, object_type=ANNEX_A_EXPORT, object_id=report_id,
                     children=children,
                     detail=f"Ofsted Annex A {period.start:%d/%m/%Y}-{period.end:%d/%m/%Y}: {rows:,} rows about "
                            f"{len(children):,} children ({len(restricted):,} restricted)")
    progress(steps, steps, "Finished")
    return counts


def annex_a_export_start(*, actor, start, end):
    """Check the period and start making the workbook; returns the ReportFile, whose file appears
    when the background task ends. A refused period raises ValidationError naming the field."""
    from lantern.returns.models import ReportFile

    require_whole_authority(actor)
    period = period_check(start, end, timezone.localdate())
    report = ReportFile.objects.create(kind=ReportFile.Kind.ANNEX_A, parameters=period.as_parameters(),
                                       created_by=actor)
    task = task_start(kind="annex_a_export", title=f"Ofsted Annex A, {period.label}", actor=actor,
                      inputs={"report_id": report.pk})
    ReportFile.objects.filter(pk=report.pk).update(task=task)
    report.refresh_from_db()
    return report


def annex_a_exports(*, actor):
    """Every Annex A workbook made, newest first, without their files."""
    from lantern.returns.models import ReportFile

    require_whole_authority(actor)
    return (ReportFile.objects.filter(kind=ReportFile.Kind.ANNEX_A).select_related("created_by", "task")
            .defer("content"))


def annex_a_export_get(*, actor, pk: int):
    report = annex_a_exports(actor=actor).filter(pk=pk).first()
    if report is None:
        raise NoSuchWorkbook("No Annex A workbook has that number")
    return report


def annex_a_export_download(*, actor, pk: int) -> tuple[str, bytes]:
    """The workbook's file name and bytes; each download is audited. Anyone who may make the
    workbook may download any made before (it is the same authority-wide file)."""
    from lantern.returns.models import ReportFile

    require_whole_authority(actor)
    report = ReportFile.objects.filter(kind=ReportFile.Kind.ANNEX_A, pk=pk).first()
    if report is None or not report.is_ready or report.content is None:
        raise NoSuchWorkbook("That Annex A workbook is not ready to download")
    period = Period.from_parameters(report.parameters)
    audit_record(actor=actor, action=Action.EXPORT, object_type=ANNEX_A_DOWNLOAD, object_id=report.pk,
                 children=children_of_event("annex_a_export", report.pk),
                 detail=f"Ofsted Annex A {period.start:%d/%m/%Y}-{period.end:%d/%m/%Y} downloaded "
                        f"({report.rows:,} rows)")
    return report.filename, bytes(report.content)
