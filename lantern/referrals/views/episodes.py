"""Pages for the episode: recording a referral directly for a child, and the episode itself."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from lantern.access.policy import has_permission
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.obligations.selectors import record_deadlines
from lantern.people.selectors import child_summary
from lantern.referrals.audit_types import EPISODE
from lantern.service_layer.pages import refusals_on
from lantern.web.decorators import child_page

from ..episode_panels import episode_panels
from ..forms import ReferralForm
from ..models import Episode, TransferStatus
from ..services import episode_open


@child_page(permission="referral.record", for_change=True)
def referral_create(request, child, decision):
    form = ReferralForm(request.POST if request.method == "POST" else None,
                        initial={"referral_date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusals_on(form) as outcome:
            episode = episode_open(actor=request.user, child=child, referral_date=data["referral_date"],
                                   referral_source=data["referral_source"], primary_need=data["primary_need"],
                                   referral_nfa=data["referral_nfa"])
        if outcome.ok:
            messages.success(request, "The referral was recorded")
            return redirect("referrals:episode_detail", pk=child.pk, episode_id=episode.pk)
    return render(request, "web/form_page.html", {
        "form": form, "child": child, "title": "Record a referral",
        "intro": "For a referral that did not come through the front door. A referral opens a child in need "
                 "episode and starts the 45 working day clock for the assessment.",
        "back_url": f"/children/{child.pk}/", "back_text": f"Back to {child.full_name}", "submit": "Record referral"})


@child_page(permission="episode.view")
def episode_detail(request, child, decision, episode_id: int):
    episode = get_object_or_404(Episode.objects.select_related("team", "worker", "returned_after_step_down"),
                                pk=episode_id, child=child)
    today = timezone.localdate()
    audit_record(actor=request.user, action=Action.VIEW, object_type=EPISODE, object_id=episode.pk,
                 child_id=child.pk, detail=f"episode; basis: {decision.basis}")
    summary = child_summary(child, frozenset({"allocation"}))
    transfers = list(episode.transfers.select_related("to_team", "to_worker", "from_team", "from_worker"))
    panels = [(p, {**p.context(request=request, child=child, episode=episode, today=today), "child": child,
                   "episode": episode, "request": request}) for p in episode_panels()]
    return render(request, "referrals/episode_detail.html", {
        "child": child, "episode": episode, "today": today, "worker_changes": summary.worker_changes,
        "transfers": transfers, "panels": panels, "deadlines": record_deadlines(
            child, today=today, started_from=episode.referral_date, started_to=episode.closure_date),
        "pending_transfer": next((t for t in transfers if t.status == TransferStatus.PROPOSED), None),
        "can_transfer": episode.is_open and has_permission(request.user, "transfer.propose"),
        "can_decide_transfer": has_permission(request.user, "transfer.decide"),
        "can_see_chronology": has_permission(request.user, "chronology.view"),
    })
