"""Uploading a census file to import, and the import's report."""

from django.http import Http404
from django.shortcuts import redirect, render

from lantern.tasks.uploads import request_too_large, too_large_form
from lantern.web.decorators import page

from ..forms import ImportForm
from ..services import census_import_start, imports

SHOWN = 1000


@page(permission="census.import", nav_section="census")
def census_import(request):
    posted = request.method == "POST"
    if posted and request_too_large(request, imports.MAX_BYTES):  # refused from its declared size, never read
        return render(request, "returns/census/import_form.html",
                      {"form": too_large_form(ImportForm, imports.MAX_BYTES)}, status=413)
    form = ImportForm(request.POST if posted else None, request.FILES if posted else None)
    if posted and form.is_valid():
        upload = form.cleaned_data["file"]
        record = census_import_start(actor=request.user, upload=upload, filename=upload.name,
                                     team=form.cleaned_data["team"])
        return redirect("returns:census_import_detail", pk=record.pk)
    return render(request, "returns/census/import_form.html", {"form": form})


@page(permission="census.import", nav_section="census")
def census_import_detail(request, pk: int):
    from lantern.returns.models import CensusImport

    record = CensusImport.objects.select_related("task", "team").filter(pk=pk, uploaded_by=request.user).first()
    if record is None:
        raise Http404("No import of yours has that number")
    return render(request, "returns/census/import_detail.html", {
        "record": record, "task": record.task, "problems": record.problems[:SHOWN],
        "more_problems": max(0, len(record.problems) - SHOWN), "warnings": record.warnings[:SHOWN],
        "more_warnings": max(0, len(record.warnings) - SHOWN)})
