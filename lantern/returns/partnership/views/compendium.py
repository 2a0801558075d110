"""The partnership page: choose a period (the last 12 months unless chosen), read every indicator as
tables and charts, make a PDF of the period, and find the PDFs already made."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone

from lantern.access.policy import has_permission
from lantern.web.decorators import page

from ..forms import PeriodForm
from ..period import default_period, period_from_params
from ..sections import GAPS, compendium_sections
from ..services import compendium_pdf_start, compendium_pdfs, compendium_read, period_of


def _chosen(request):
    """(form, period): the period typed in, or the default when nothing was typed; None when it is wrong."""
    today = timezone.localdate()
    if not any(key.startswith(("start_", "end_")) for key in request.GET):
        period = default_period(today)
        return PeriodForm(initial={"start": period.start, "end": period.end}), period
    form = PeriodForm(request.GET)
    return form, (form.period if form.is_valid() else None)


@page(permission="partnership.view", nav_section="partnership")
def partnership(request):
    if request.method == "POST":
        return _make_pdf(request)
    form, period = _chosen(request)
    compendium = compendium_read(actor=request.user, period=period) if period else None
    pdfs = compendium_pdfs(actor=request.user)
    return render(request, "returns/partnership/compendium.html", {
        "form": form, "period": period, "compendium": compendium,
        "sections": compendium_sections(compendium) if compendium else [], "gaps": GAPS,
        "pdfs": [(report, period_of(report)) for report in pdfs],
        "can_export": has_permission(request.user, "partnership.export"),
    })


def _make_pdf(request):
    try:
        period = period_from_params(request.POST, timezone.localdate())
    except ValidationError as exc:
        messages.error(request, f"The PDF was not made: {' '.join(exc.messages)}")
        return redirect("returns:partnership")
    report = compendium_pdf_start(actor=request.user, period=period)
    return redirect("returns:partnership_pdf", pk=report.pk)
