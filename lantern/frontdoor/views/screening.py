"""Screening a contact: the contact and everything found about the people it names. Information
gathering only; the page offers no visit, because seeing the family is the assessment's job."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone

from lantern.access.policy import has_permission
from lantern.accounts.models import Agency
from lantern.audit_log.models import Action
from lantern.revisions.selectors import earlier_versions
from lantern.service_layer.pages import run_service
from lantern.web.decorators import page

from ..access import contact_view
from ..codes import ContactStatus, PersonRole
from ..forms.contacts import AgencyCheckForm, PersonForm, ScreeningNotesForm
from ..selectors.screening import current_decision, final_decision, previous_involvement
from ..services import agency_check_record, contact_person_add, screening_notes_save
from ..services.common import audit_contact
from .common import contact_form_page, front_door_page, screened_contact


@page(nav_section="frontdoor")
def contact_detail(request, pk: int):
    """The front door screens here; anyone else who may open a child matched on the contact reads
    it here, with the other children they may not open withheld (frontdoor/access.py)."""
    view = contact_view(request.user, pk)
    contact = view.contact
    today = timezone.localdate()
    notes_form = ScreeningNotesForm(request.POST or None, initial={"screening_notes": contact.screening_notes,
                                                                   "version": contact.version})
    if request.method == "POST" and view.screening and notes_form.is_valid() and run_service(
            notes_form, lambda: screening_notes_save(
                actor=request.user, contact=contact, expected_version=notes_form.cleaned_data["version"],
                notes=notes_form.cleaned_data["screening_notes"])):
        messages.success(request, "The screening notes were saved")
        return redirect("frontdoor:contact_detail", pk=contact.pk)
    people = [m for m in contact.people.all() if view.shown(m)]
    audit_contact(actor=request.user, action=Action.VIEW, contact=contact,
                  detail="screening page" if view.screening else "contact read through a matched child")
    return render(request, "frontdoor/contact_detail.html", {
        "contact": contact, "today": today, "notes_form": notes_form, "screening": view.screening,
        "withheld": len(view.withheld),
        "children": [m for m in people if m.role == PersonRole.CHILD],
        "adults": [m for m in people if m.role == PersonRole.ADULT],
        "involvement": previous_involvement(request.user, contact, today) if view.screening else [],
        "decision": current_decision(contact), "final": final_decision(contact),
        "can_authorise": view.screening and has_permission(request.user, "frontdoor.authorise"),
        "awaiting": contact.status == ContactStatus.AWAITING_AUTHORISATION,
        "notification": getattr(contact, "notification", None) if view.screening else None,
        "notes_versions": earlier_versions("contact", contact.pk) if view.screening else [],
    })


@front_door_page()
def person_add(request, pk: int):
    contact = screened_contact(request, pk)
    form = PersonForm(request.POST or None, initial={"version": contact.version, "role": PersonRole.CHILD})
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        if run_service(form, lambda: contact_person_add(actor=request.user, contact=contact,
                                                        expected_version=form.cleaned_data["version"], data=data)):
            messages.success(request, f"{data['first_name']} {data['last_name']} was added to the contact")
            return redirect("frontdoor:contact_detail", pk=contact.pk)
    return contact_form_page(request, contact, form, title="Add a child or adult to this contact")


@front_door_page()
def agency_check_add(request, pk: int):
    contact = screened_contact(request, pk)
    form = AgencyCheckForm(request.POST or None, agencies=Agency.objects.all(),
                           initial={"asked_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if run_service(form, lambda: agency_check_record(
                actor=request.user, contact=contact, agency=data["agency"], agency_name=data["agency_name"],
                asked_on=data["asked_on"], response=data["response"])):
            messages.success(request, "The agency check was recorded")
            return redirect("frontdoor:contact_detail", pk=contact.pk)
    return contact_form_page(request, contact, form, title="Record an agency check", intro=(
        "Record what an agency told you from its own records. If the child or family needs to be seen or spoken "
        "to, that is an assessment: decide to refer for assessment instead."))
