"""The Annex A pages: what the workbook is, the period form and every workbook made so far; one
workbook's progress, row counts and download; the file itself. Thin: the services decide."""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.returns.audit_types import ANNEX_A
from lantern.service_layer.pages import refusals_on
from lantern.web.decorators import page

from .forms import PeriodForm
from .notes import GAPS
from .period import MAX_MONTHS, Period, default_period
from .selectors import LISTS
from .services import (
    NoSuchWorkbook,
    annex_a_export_download,
    annex_a_export_get,
    annex_a_export_start,
    annex_a_exports,
)

PERMISSION = "annex_a.export"


def _with_period(reports) -> list[dict]:
    return [{"report": r, "period": Period.from_parameters(r.parameters)} for r in reports]


@page(permission=PERMISSION, nav_section="annex_a")
def annex_a(request):
    if request.method == "POST":
        form = PeriodForm(request.POST)
        if form.is_valid():
            with refusals_on(form) as outcome:
                report = annex_a_export_start(actor=request.user, start=form.cleaned_data["start"],
                                              end=form.cleaned_data["end"])
            if outcome.ok:
                return redirect("returns:annex_a_export", pk=report.pk)
        status = 400
    else:
        period = default_period(timezone.localdate())
        form, status = PeriodForm(initial={"start": period.start, "end": period.end}), 200
    reports = annex_a_exports(actor=request.user)[:25]
    audit_record(actor=request.user, action=Action.LIST, object_type=ANNEX_A,
                 detail="Ofsted Annex A page (workbooks made; no child data shown)")
    return render(request, "returns/annex_a/annex_a.html", {
        "form": form, "reports": _with_period(reports), "lists": LISTS, "gaps": GAPS, "max_months": MAX_MONTHS,
    }, status=status)


def _chart(counts: dict[str, int]) -> list[dict]:
    largest = max(counts.values(), default=0) or 1
    return [{"label": label, "rows": rows, "percent": round(100 * rows / largest)} for label, rows in counts.items()]


@page(permission=PERMISSION, nav_section="annex_a")
def annex_a_export(request, pk: int):
    try:
        report = annex_a_export_get(actor=request.user, pk=pk)
    except NoSuchWorkbook as exc:
        raise Http404(str(exc)) from exc
    task = report.task
    counts = task.result if task and report.is_ready and isinstance(task.result, dict) else {}
    return render(request, "returns/annex_a/export_detail.html", {
        "report": report, "task": task, "period": Period.from_parameters(report.parameters),
        "chart": _chart(counts)})


@page(permission=PERMISSION, nav_section="annex_a")
def annex_a_export_file(request, pk: int):
    try:
        filename, data = annex_a_export_download(actor=request.user, pk=pk)
    except NoSuchWorkbook as exc:
        raise Http404(str(exc)) from exc
    from .writer import CONTENT_TYPE

    response = HttpResponse(data, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
