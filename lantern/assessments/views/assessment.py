"""Pages for an assessment: start it from a referral, the task list, send it for authorisation,
and the manager's authorisation."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from lantern.access.policy import has_permission
from lantern.assessments.audit_types import ASSESSMENT
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.obligations.models import Obligation
from lantern.referrals.models import Episode
from lantern.referrals.obligations import SOURCE as EPISODE_SOURCE
from lantern.revisions.selectors import earlier_versions
from lantern.service_layer.concurrency import ConcurrentEditError
from lantern.service_layer.pages import refusals_on
from lantern.timescales.catalogue import SINGLE_ASSESSMENT_FROM
from lantern.web.decorators import child_page

from ..codes import AssessmentStatus
from ..forms import AuthoriseForm, StartForm, SubmitForm
from ..models import Assessment
from ..obligations import SOURCE
from ..selectors import assessment_progress
from ..services import assessment_authorise, assessment_return, assessment_start, assessment_submit


def _assessment(child, assessment_id) -> Assessment:
    assessment = get_object_or_404(Assessment.objects.select_related("episode", "authorised_by", "submitted_by"),
                                   pk=assessment_id, child=child)
    assessment.child = child
    return assessment


def _due(assessment: Assessment) -> Obligation | None:
    """The stored deadline this assessment meets (computed by the statutory clock, not here)."""
    from_referral = Q(source_type=EPISODE_SOURCE, source_id=assessment.episode_id,
                      rule_id__in=("single_assessment", "initial_assessment"))
    own = Q(source_type=SOURCE, source_id=assessment.pk, rule_id="core_assessment")
    return Obligation.objects.filter(from_referral | own).order_by("due_date").first()


@child_page(permission="assessment.edit", for_change=True)
def assessment_start_page(request, child, decision, episode_id: int):
    episode = get_object_or_404(Episode, pk=episode_id, child=child)
    reassessing = episode.assessments.filter(status=AssessmentStatus.AUTHORISED).exists()
    form = StartForm(request.POST if request.method == "POST" else None, initial={"started_on": timezone.localdate()},
                     legacy=episode.referral_date < SINGLE_ASSESSMENT_FROM, reassessing=reassessing)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusals_on(form) as outcome:
            assessment = assessment_start(actor=request.user, episode=episode, started_on=data["started_on"],
                                          kind=data.get("kind") or "",
                                          reassessment_reason=data.get("reassessment_reason") or "")
        if outcome.ok:
            messages.success(request, "The assessment was started")
            return redirect("assessments:assessment_detail", pk=child.pk, assessment_id=assessment.pk)
    return render(request, "web/form_page.html", {
        "form": form, "child": child, "title": "Start a child and family assessment",
        "intro": f"From the referral of {episode.referral_date:%-d %B %Y}. It is due 45 working days from the "
                 "referral date; the due date is shown on the assessment once it has started.",
        "back_url": f"/children/{child.pk}/episodes/{episode.pk}/", "back_text": "Back to the episode",
        "submit": "Start the assessment"})


@child_page(permission="episode.view")
def assessment_detail(request, child, decision, assessment_id: int):
    assessment = _assessment(child, assessment_id)
    audit_record(actor=request.user, action=Action.VIEW, object_type=ASSESSMENT, object_id=assessment.pk,
                 child_id=child.pk, detail=f"assessment; basis: {decision.basis}")
    user = request.user
    return render(request, "assessments/detail.html", {
        "child": child, "assessment": assessment, "progress": assessment_progress(assessment),
        "due": _due(assessment), "submit_form": SubmitForm(initial={"version": assessment.version}),
        "can_edit": assessment.is_editable and has_permission(user, "assessment.edit"),
        "can_authorise": assessment.status == AssessmentStatus.SUBMITTED and has_permission(user,
                                                                                            "assessment.authorise"),
        "can_plan": has_permission(user, "cin_plan.edit"),
        "plans": list(assessment.cin_plans.all()),
        "revisions": earlier_versions("assessment", assessment.pk),
    })


@child_page(permission="assessment.edit", for_change=True)
def assessment_submit_page(request, child, decision, assessment_id: int):
    assessment = _assessment(child, assessment_id)
    form = SubmitForm(request.POST if request.method == "POST" else None, initial={"version": assessment.version})
    if request.method == "POST" and form.is_valid():
        try:
            assessment_submit(actor=request.user, assessment=assessment, expected_version=form.cleaned_data["version"])
        except (ConcurrentEditError, ValidationError) as exc:
            form.add_error(None, " ".join(exc.messages))
        else:
            messages.success(request, "The assessment was sent to a manager to authorise")
            return redirect("assessments:assessment_detail", pk=child.pk, assessment_id=assessment.pk)
    return render(request, "assessments/submit.html", {"child": child, "assessment": assessment, "form": form,
                                                       "progress": assessment_progress(assessment)})


@child_page(permission="assessment.authorise", for_change=True)
def assessment_authorise_page(request, child, decision, assessment_id: int):
    assessment = _assessment(child, assessment_id)
    form = AuthoriseForm(request.POST if request.method == "POST" else None,
                         initial={"version": assessment.version, "authorised_on": timezone.localdate()})
    if request.method == "POST" and assessment.status == AssessmentStatus.SUBMITTED and form.is_valid():
        data = form.cleaned_data
        with refusals_on(form) as outcome:
            if data["decision"] == "authorise":
                assessment_authorise(actor=request.user, assessment=assessment, authorised_on=data["authorised_on"],
                                     rationale=data["rationale"], late_reason=data["late_reason"],
                                     expected_version=data["version"])
            else:
                assessment_return(actor=request.user, assessment=assessment, comments=data["rationale"],
                                  expected_version=data["version"])
        if outcome.ok:
            messages.success(request, "The assessment was authorised" if data["decision"] == "authorise"
                             else "The assessment was returned to the worker")
            return redirect("assessments:assessment_detail", pk=child.pk, assessment_id=assessment.pk)
    elif request.method == "GET":
        audit_record(actor=request.user, action=Action.VIEW, object_type=ASSESSMENT, object_id=assessment.pk,
                     child_id=child.pk, detail=f"for authorisation; basis: {decision.basis}")
    return render(request, "assessments/authorise.html", {
        "child": child, "assessment": assessment, "form": form, "progress": assessment_progress(assessment),
        "due": _due(assessment)})
