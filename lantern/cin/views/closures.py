"""Pages for closing an episode or stepping it down: the proposal with its evaluation of risk,
early help's answer to a step-down, and the manager's decision."""

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from lantern.access.policy import has_permission, visible_children
from lantern.accounts.models import Team
from lantern.accounts.roles import TeamKind
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.cin.audit_types import CLOSURE
from lantern.referrals.forms import ManagerDecisionForm
from lantern.referrals.models import Episode
from lantern.service_layer.pages import refusals_on
from lantern.web.decorators import child_page, page

from ..forms import ClosureForm, StepDownResponseForm
from ..models import Closure
from ..services import closure_decide, closure_propose, step_down_respond
from ..services.closures import step_down_basis


def _closure(child, closure_id) -> Closure:
    return get_object_or_404(Closure.objects.select_related("episode", "proposed_by", "early_help_team",
                                                            "early_help_by", "decided_by"), pk=closure_id, child=child)


@child_page(permission="closure.propose", for_change=True)
def closure_create(request, child, decision, episode_id: int):
    episode = get_object_or_404(Episode, pk=episode_id, child=child)
    form = ClosureForm(request.POST if request.method == "POST" else None,
                       early_help_teams=Team.objects.filter(kind=TeamKind.EARLY_HELP),
                       initial={"closure_date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusals_on(form) as outcome:
            closure = closure_propose(actor=request.user, episode=episode, kind=data["kind"],
                                      closure_date=data["closure_date"], reason=data["reason"],
                                      risk_evaluation=data["risk_evaluation"], family_told_on=data["family_told_on"],
                                      early_help_team=data["early_help_team"])
        if outcome.ok:
            messages.success(request, "The closure was sent for a decision")
            return redirect("cin:closure_detail", pk=child.pk, closure_id=closure.pk)
    return render(request, "web/form_page.html", {
        "form": form, "child": child, "title": "Close the episode or step down to early help", "submit": "Send",
        "intro": "A manager decides, with their reasons recorded. A step-down goes to the early help team first, "
                 "and the family must have been told.",
        "back_url": f"/children/{child.pk}/episodes/{episode.pk}/", "back_text": "Back to the episode"})


@child_page(permission="episode.view")
def closure_detail(request, child, decision, closure_id: int):
    closure = _closure(child, closure_id)
    audit_record(actor=request.user, action=Action.VIEW, object_type=CLOSURE, object_id=closure.pk,
                 child_id=child.pk, detail=f"closure; basis: {decision.basis}")
    return render(request, "cin/closure_detail.html", {
        "child": child, "closure": closure,
        "can_decide": closure.status == Closure.Status.AWAITING_MANAGER and has_permission(request.user,
                                                                                           "closure.decide")})


@child_page(permission="closure.decide", for_change=True)
def closure_decide_page(request, child, decision, closure_id: int):
    closure = _closure(child, closure_id)
    form = ManagerDecisionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        with refusals_on(form) as outcome:
            closure_decide(actor=request.user, closure=closure, approve=form.cleaned_data["decision"] == "approve",
                           rationale=form.cleaned_data["rationale"])
        if outcome.ok:
            messages.success(request, "Your decision was recorded")
            return redirect("referrals:episode_detail", pk=child.pk, episode_id=closure.episode_id)
    elif request.method == "GET":
        audit_record(actor=request.user, action=Action.VIEW, object_type=CLOSURE, object_id=closure.pk,
                     child_id=child.pk, detail=f"for a decision; basis: {decision.basis}")
    return render(request, "cin/closure_decide.html", {"child": child, "closure": closure, "form": form})


@page(permission="step_down.respond", nav_section="step_downs")
def step_down_list(request):
    waiting = list(Closure.objects.filter(status=Closure.Status.AWAITING_EARLY_HELP,
                                          early_help_team_id=request.user.team_id)
                   .filter(Q(child__is_restricted=False) | Q(child__in=visible_children(request.user)))
                   .select_related("child", "proposed_by").order_by("proposed_at"))
    if waiting:
        audit_record(actor=request.user, action=Action.LIST, object_type=CLOSURE,
                     children=[c.child_id for c in waiting],
                     detail=f"step-downs waiting for early help; {len(waiting)} shown")
    return render(request, "cin/step_down_list.html", {"waiting": waiting})


@page(permission="step_down.respond", nav_section="step_downs")
def step_down_respond_page(request, closure_id: int):
    closure = get_object_or_404(Closure.objects.select_related("child", "proposed_by", "episode"), pk=closure_id)
    basis = step_down_basis(request.user, closure)
    form = StepDownResponseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        with refusals_on(form) as outcome:
            step_down_respond(actor=request.user, closure=closure, accepted=form.cleaned_data["decision"] == "accept",
                              note=form.cleaned_data["note"])
        if outcome.ok:
            messages.success(request, "Your answer was sent to the child's social worker and their manager")
            return redirect("cin:step_down_list")
    elif request.method == "GET":
        audit_record(actor=request.user, action=Action.VIEW, object_type=CLOSURE, object_id=closure.pk,
                     child_id=closure.child_id, detail=f"step-down; basis: {basis}")
    return render(request, "cin/step_down_respond.html", {"closure": closure, "form": form, "child": closure.child})
