"""An export's progress, then its file: both only for the person who made it."""

from django.http import Http404, HttpResponse
from django.shortcuts import render

from lantern.web.decorators import page

from ..services import census_export_download
from ..years import CollectionYear


def _own_export(request, pk: int):
    from lantern.returns.models import CensusExport

    export = CensusExport.objects.select_related("task").defer("xml").filter(pk=pk, created_by=request.user).first()
    if export is None:
        raise Http404("No export of yours has that number")
    return export


@page(permission="census.export", nav_section="census")
def census_export(request, pk: int):
    export = _own_export(request, pk)
    return render(request, "returns/census/export_detail.html",
                  {"export": export, "task": export.task, "year": CollectionYear(export.year)})


@page(permission="census.export", nav_section="census")
def census_export_file(request, pk: int):
    from lantern.returns.models import CensusExport

    export = _own_export(request, pk)
    if not export.is_ready:
        raise Http404("The file is not ready yet")
    data = census_export_download(actor=request.user, export=CensusExport.objects.get(pk=export.pk))
    response = HttpResponse(data, content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    return response
