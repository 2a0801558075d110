"""A compendium PDF's progress while it is made, then its file."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render

from lantern.web.decorators import page

from ..services import compendium_pdf_download, compendium_pdf_for, period_of


def _report(request, pk: int):
    try:
        return compendium_pdf_for(actor=request.user, pk=pk)
    except PermissionDenied as exc:
        raise Http404("No partnership compendium has that number") from exc


@page(permission="partnership.view", nav_section="partnership")
def partnership_pdf(request, pk: int):
    report = _report(request, pk)
    return render(request, "returns/partnership/pdf_detail.html",
                  {"report": report, "task": report.task, "period": period_of(report)})


@page(permission="partnership.view", nav_section="partnership")
def partnership_pdf_file(request, pk: int):
    report = _report(request, pk)
    if not report.is_ready:
        raise Http404("The PDF is not ready yet")
    response = HttpResponse(compendium_pdf_download(actor=request.user, report=report),
                            content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{report.filename}"'
    return response
