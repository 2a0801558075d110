"""The child's chronology: filterable by kind, significant events marked by the worker, and a
print-friendly version (audited as an export: it leaves the system on paper)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from lantern.access.policy import has_permission
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.chronology.audit_types import CHRONOLOGY
from lantern.revisions.selectors import earlier_versions
from lantern.service_layer.pages import refusals_on
from lantern.web.decorators import child_page

from .forms import FilterForm, SignificanceForm
from .registry import kinds
from .selectors import chronology_rows, event_for
from .services import NOTE_RECORD, event_significance_set, mark_version


def _filtered(request, child):
    form = FilterForm(request.GET or None, kinds=kinds())
    only, significant = None, False
    if form.is_valid():
        only, significant = form.cleaned_data["kind"] or None, form.cleaned_data["significant"]
    return form, chronology_rows(child, only=only, significant_only=significant), only, significant


def _describe(only, significant) -> str:
    return f"kinds: {', '.join(only) if only else 'all'}{'; significant only' if significant else ''}"


@child_page(permission="chronology.view")
def chronology(request, child, decision):
    form, rows, only, significant = _filtered(request, child)
    audit_record(actor=request.user, action=Action.VIEW, object_type=CHRONOLOGY, object_id=child.pk,
                 child_id=child.pk, detail=f"chronology; {_describe(only, significant)}; basis: {decision.basis}")
    return render(request, "chronology/chronology.html", {
        "child": child, "form": form, "rows": rows, "query": request.GET.urlencode(),
        "can_mark": has_permission(request.user, "chronology.mark"),
        "can_print": has_permission(request.user, "chronology.print")})


@child_page(permission="chronology.print")
def chronology_print(request, child, decision):
    form, rows, only, significant = _filtered(request, child)
    audit_record(actor=request.user, action=Action.EXPORT, object_type=CHRONOLOGY, object_id=child.pk,
                 child_id=child.pk, detail=f"printable chronology; {_describe(only, significant)}; "
                                           f"basis: {decision.basis}")
    return render(request, "chronology/print.html", {
        "child": child, "rows": rows, "printed_at": timezone.now(), "printed_by": request.user,
        "filters": _describe(only, significant), "query": request.GET.urlencode()})


@child_page(permission="chronology.mark", for_change=True)
def significance(request, child, decision):
    key = request.GET.get("key", "")
    event = event_for(child, key)
    if event is None:
        raise Http404("No such event in this child's chronology")
    form = SignificanceForm(request.POST if request.method == "POST" else None,
                            initial={"version": mark_version(child, key)})
    if request.method == "POST" and form.is_valid():
        with refusals_on(form) as outcome:
            event_significance_set(actor=request.user, child=child, key=key, expected_version=form.cleaned_data[
                "version"], significant=form.cleaned_data["significant"], note=form.cleaned_data["note"])
        if outcome.ok:
            messages.success(request, "The chronology was updated")
            return redirect("chronology:chronology", pk=child.pk)
    return render(request, "chronology/significance.html", {
        "child": child, "event": event, "form": form,
        "revisions": earlier_versions(NOTE_RECORD, child.pk, fields=(key,))})
