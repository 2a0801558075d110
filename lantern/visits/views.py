"""Pages for recording a visit and reading one."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.referrals.models import Episode
from lantern.service_layer.pages import refusals_on
from lantern.visits.audit_types import VISIT
from lantern.web.decorators import child_page

from .forms import VisitForm
from .models import Visit
from .services import visit_record


@child_page(permission="visit.record", for_change=True)
def visit_create(request, child, decision, episode_id: int):
    episode = get_object_or_404(Episode, pk=episode_id, child=child)
    form = VisitForm(request.POST if request.method == "POST" else None, initial={"visit_date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        with refusals_on(form) as outcome:
            visit_record(actor=request.user, episode=episode, **form.cleaned_data)
        if outcome.ok:
            messages.success(request, "The visit was recorded")
            return redirect("referrals:episode_detail", pk=child.pk, episode_id=episode.pk)
    return render(request, "web/form_page.html", {
        "form": form, "child": child, "title": "Record a child in need visit", "submit": "Record the visit",
        "intro": "Whether the child was seen, and seen alone, is recorded for every visit.",
        "back_url": f"/children/{child.pk}/episodes/{episode.pk}/", "back_text": "Back to the episode"})


@child_page(permission="episode.view")
def visit_detail(request, child, decision, visit_id: int):
    visit = get_object_or_404(Visit.objects.select_related("recorded_by"), pk=visit_id, child=child)
    audit_record(actor=request.user, action=Action.VIEW, object_type=VISIT, object_id=visit.pk, child_id=child.pk,
                 detail=f"visit; basis: {decision.basis}")
    return render(request, "visits/visit_detail.html", {"child": child, "visit": visit})
