"""Pages for transferring the work: the summary with the risk evaluation, and the manager's decision."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from lantern.accounts.models import Team, User
from lantern.accounts.roles import Role
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.referrals.audit_types import TRANSFER
from lantern.service_layer.pages import refusals_on
from lantern.web.decorators import child_page

from ..forms import ManagerDecisionForm, TransferForm
from ..models import Episode, Transfer, TransferStatus
from ..services import transfer_decide, transfer_propose

CASEWORKERS = (Role.SOCIAL_WORKER, Role.SENIOR_PRACTITIONER, Role.TEAM_MANAGER)


@child_page(permission="transfer.propose", for_change=True)
def transfer_create(request, child, decision, episode_id: int):
    episode = get_object_or_404(Episode, pk=episode_id, child=child)
    workers = User.objects.filter(is_active=True, role__in=CASEWORKERS).select_related("team").order_by(
        "team__name", "last_name")
    form = TransferForm(request.POST if request.method == "POST" else None, teams=Team.objects.order_by("name"),
                        workers=workers, initial={"transfer_date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusals_on(form) as outcome:
            transfer_propose(actor=request.user, episode=episode, to_team=data["to_team"], to_worker=data["to_worker"],
                             transfer_date=data["transfer_date"], summary=data["summary"],
                             risk_evaluation=data["risk_evaluation"])
        if outcome.ok:
            messages.success(request, "The transfer was sent to a manager to decide")
            return redirect("referrals:episode_detail", pk=child.pk, episode_id=episode.pk)
    return render(request, "web/form_page.html", {
        "form": form, "child": child, "title": "Transfer the work",
        "intro": "The assessment and any plan stay with the episode: the new worker carries them on. "
                 "Write down where things stand and how safe the child is now.",
        "back_url": f"/children/{child.pk}/episodes/{episode.pk}/", "back_text": "Back to the episode",
        "submit": "Send to a manager"})


@child_page(permission="transfer.decide", for_change=True)
def transfer_decide_page(request, child, decision, transfer_id: int):
    transfer = get_object_or_404(Transfer.objects.select_related("to_team", "to_worker", "from_team", "from_worker",
                                                                 "proposed_by", "decided_by"),
                                 pk=transfer_id, child=child)
    form = ManagerDecisionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and transfer.status == TransferStatus.PROPOSED and form.is_valid():
        with refusals_on(form) as outcome:
            transfer_decide(actor=request.user, transfer=transfer, approve=form.cleaned_data["decision"] == "approve",
                            rationale=form.cleaned_data["rationale"])
        if outcome.ok:
            messages.success(request, "Your decision on the transfer was recorded")
            return redirect("referrals:episode_detail", pk=child.pk, episode_id=transfer.episode_id)
    else:
        audit_record(actor=request.user, action=Action.VIEW, object_type=TRANSFER, object_id=transfer.pk,
                     child_id=child.pk, detail=f"transfer; basis: {decision.basis}")
    return render(request, "referrals/transfer_decide.html", {"form": form, "child": child, "transfer": transfer})
