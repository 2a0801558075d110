"""Pages for finding, reading, recording and changing a child's record."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone

from lantern.access.policy import has_permission, sections_for, visible_children
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.obligations.clock import current_clock
from lantern.obligations.selectors import child_timescales
from lantern.obligations.status import explain
from lantern.people.audit_types import PERSON
from lantern.service_layer.pages import refusals_on
from lantern.web.decorators import child_page, page

from ..forms import ChildCreateForm, ChildEditForm, SearchForm
from ..panels import panels_for
from ..search import parse_query, search_children
from ..selectors import OTHER_RECORDS_MAY_MATCH, DuplicateCheck, child_summary, duplicate_check
from ..services import child_create, child_update
from ..services.children import PERSON_FIELDS


def _criteria(parsed) -> str:
    kinds = [k for k, v in (("name", parsed.words), ("date of birth", parsed.date_of_birth),
                            ("NHS number", parsed.nhs_number), ("UPN", parsed.upn),
                            ("Lantern ID", parsed.person_id)) if v]
    return ", ".join(kinds)


@page(permission="child.search", nav_section="children")
def search(request):
    form = SearchForm(request.GET or None)
    results, parsed = [], None
    if form.is_valid() and form.cleaned_data["q"].strip():
        parsed = parse_query(form.cleaned_data["q"])
        results = search_children(visible_children(request.user), parsed)
        # The criteria kinds are kept, not the words typed: the trail must not copy personal data.
        audit_record(actor=request.user, action=Action.SEARCH, object_type=PERSON, children=[c.pk for c in results],
                     detail=f"by {_criteria(parsed) or 'nothing recognisable'}; {len(results)} shown")
    return render(request, "people/search.html", {"form": form, "results": results, "parsed": parsed,
                                                  "today": timezone.localdate()})


@child_page()
def child_detail(request, child, decision):
    sections = sections_for(request.user)
    summary = child_summary(child, sections, reader=request.user)
    clock = current_clock()
    today = timezone.localdate()
    timescales = child_timescales(child, as_of=today, clock=clock) if "timescales" in sections else []
    audit_record(actor=request.user, action=Action.VIEW, object_type=PERSON, object_id=child.pk,
                 child_id=child.pk, detail=f"summary; basis: {decision.basis}")
    panels = [(panel, {**panel.context(request=request, child=child, today=today), "child": child,
                       "request": request}) for panel in panels_for(sections)]
    return render(request, "people/child_detail.html", {
        "panels": panels,
        "summary": summary, "child": child, "sections": sections, "today": today,
        "timescales": [(view, explain(view.obligation, clock)) for view in timescales],
        "can_edit": has_permission(request.user, "child.edit"),
        "can_see_access_log": has_permission(request.user, "child.access_log"),
        "can_restrict": has_permission(request.user, "child.restrict"),
    })


def _form_values(data: dict) -> dict:
    return {k: data.get(k) for k in PERSON_FIELDS if k in data}


@page(permission="child.create", nav_section="record")
def child_create_page(request):
    form = ChildCreateForm(request.POST if request.method == "POST" else None)
    found = DuplicateCheck()
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not data.get("confirmed_not_duplicate"):
            found = duplicate_check(request.user, first_name=data["first_name"], last_name=data["last_name"],
                                    date_of_birth=data.get("date_of_birth"), nhs_number=data["nhs_number"],
                                    upn=data["upn"])
        if not found.any:
            with refusals_on(form) as outcome:
                child = child_create(actor=request.user, data=_form_values(data), disabilities=data["disabilities"])
            if outcome.ok:
                messages.success(request, f"{child.full_name}'s record was created ({child.lantern_id})")
                return redirect("people:child_detail", pk=child.pk)
    return render(request, "people/child_form.html", {"form": form, "duplicates": found.shown,
                                                      "others_may_match": found.others,
                                                      "others_message": OTHER_RECORDS_MAY_MATCH,
                                                      "title": "Record a new child"})


@child_page(permission="child.edit", for_change=True)
def child_edit(request, child, decision):
    initial = {name: getattr(child, name) for name in PERSON_FIELDS}
    initial["disabilities"] = list(child.disabilities.values_list("code", flat=True))
    initial["version"] = child.version
    form = ChildEditForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusals_on(form) as outcome:
            child_update(actor=request.user, child=child, expected_version=data["version"],
                         data=_form_values(data), disabilities=data["disabilities"])
        if outcome.ok:
            messages.success(request, "The child's details were saved")
            return redirect("people:child_detail", pk=child.pk)
    return render(request, "people/child_form.html", {"form": form, "child": child,
                                                      "title": f"Change {child.full_name}'s details"})

