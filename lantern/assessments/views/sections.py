"""The page for one section of an assessment, saved on its own with the version check."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from lantern.assessments.audit_types import ASSESSMENT
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.people.selectors import child_summary
from lantern.service_layer.pages import refusals_on
from lantern.web.decorators import child_page
from lantern.web.fields import as_answer

from ..forms import SECTION_FORMS, FamilyForm
from ..models import Assessment
from ..sections import SECTION_BY_KEY
from ..selectors import history_for, parents_and_carers
from ..services import assessment_section_save


def _initial(assessment, section, parents) -> dict:
    initial = {name: getattr(assessment, name) for name in SECTION_BY_KEY[section].fields}
    initial["version"] = assessment.version
    if section == "seen":
        initial["seen_alone"] = as_answer(assessment.seen_alone)
    if section == "factors":
        initial["factors"] = list(assessment.factors.values_list("code", flat=True))
    if section == "family":
        for e in assessment.engagements.all():
            initial[f"engaged_{e.person_id}"] = as_answer(e.engaged)
            initial[f"note_{e.person_id}"] = e.note
    return initial


@child_page(permission="assessment.edit", for_change=True)
def assessment_section(request, child, decision, assessment_id: int, section: str):
    if section not in SECTION_BY_KEY:
        raise Http404("No such section")
    assessment = get_object_or_404(Assessment.objects.select_related("episode"), pk=assessment_id, child=child)
    assessment.child = child
    if not assessment.is_editable:
        messages.error(request, "This assessment has been sent for authorisation and cannot be changed")
        return redirect("assessments:assessment_detail", pk=child.pk, assessment_id=assessment.pk)
    parents = parents_and_carers(child) if section == "family" else []
    kwargs = {"parents": parents} if section == "family" else {}
    form_class = SECTION_FORMS[section]
    form = form_class(request.POST if request.method == "POST" else None,
                      initial=_initial(assessment, section, parents), **kwargs)
    if request.method == "POST" and form.is_valid():
        with refusals_on(form) as outcome:
            assessment_section_save(actor=request.user, assessment=assessment, section=section,
                                    expected_version=form.cleaned_data["version"], data=form.service_data())
        if outcome.ok:
            messages.success(request, f"'{SECTION_BY_KEY[section].title}' was saved")
            return redirect("assessments:assessment_detail", pk=child.pk, assessment_id=assessment.pk)
    elif request.method == "GET":
        audit_record(actor=request.user, action=Action.VIEW, object_type=ASSESSMENT, object_id=assessment.pk,
                     child_id=child.pk, detail=f"section {section}; basis: {decision.basis}")
    context = {"form": form, "child": child, "assessment": assessment, "section": SECTION_BY_KEY[section],
               "title": SECTION_BY_KEY[section].title, "submit": "Save and return to the assessment",
               "back_url": f"/children/{child.pk}/assessments/{assessment.pk}/", "back_text": "Back to the assessment",
               "is_family": isinstance(form, FamilyForm)}
    if section == "history":
        context["history"] = history_for(assessment)
    if section == "identity":
        context["disabilities"] = child_summary(child, frozenset({"characteristics"})).disabilities
    return render(request, "assessments/section.html", context)
