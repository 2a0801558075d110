"""The decision page and the manager's authorisation."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone

from lantern.access.policy import has_permission
from lantern.audit_log.models import Action
from lantern.obligations.late import late_obligation
from lantern.service_layer.pages import run_service

from ..codes import ContactStatus, DecisionStatus, Outcome
from ..forms.decisions import AuthoriseForm, DecisionForm
from ..models import FrontDoorSettings, ThresholdLevel
from ..services import decision_authorise, decision_record, decision_return
from ..services.common import DECISION_RULE, OBLIGATION_SOURCE, audit_contact
from ..services.decisions import DECISION_FIELDS, decision_flags
from .common import front_door_page, screened_contact

OUTCOME_HINTS = {
    Outcome.NFA: "Closes the contact. Give the reason.",
    Outcome.ADVICE: "Closes the contact after advice and information to the referrer or the family.",
    Outcome.EARLY_HELP: "Passes the family to an early help service (a team around the family).",
    Outcome.REFERRAL: "Opens a child in need episode for each child. The assessment, which sees the child and "
                      "family, is due within 45 working days of the contact.",
    Outcome.STRATEGY: "Opens (or continues) the child in need episode and lists the child as 'Strategy discussion "
                      "needed' for the child protection team.",
    Outcome.EXISTING: "A child already has an open episode: the information goes to the team working with them.",
    Outcome.TRANSFER: "The child lives in another authority's area.",
}


def _late(contact, today):
    return late_obligation(source_key=OBLIGATION_SOURCE, source_id=contact.pk, rule_id=DECISION_RULE, met_on=today)


def _context(request, contact, today) -> dict:
    settings = FrontDoorSettings.current()
    return {"contact": contact, "today": today, "late": _late(contact, today), "flags": decision_flags(contact),
            "levels": ThresholdLevel.objects.filter(is_active=True), "outcome_hints": OUTCOME_HINTS,
            "level_hints": {level.pk: f"{level.descriptor} Fits: {'; '.join(level.allowed_outcome_labels)}."
                            for level in ThresholdLevel.objects.filter(is_active=True)},
            "needs_authorisation": [Outcome(o).label for o in settings.authorisation_required_for],
            "is_manager": has_permission(request.user, "frontdoor.authorise"),
            "returned": next((d for d in contact.decisions.all() if d.status == DecisionStatus.RETURNED), None)}


@front_door_page()
def decision(request, pk: int):
    contact = screened_contact(request, pk)
    if contact.status != ContactStatus.RECEIVED:
        messages.info(request, "This contact is not waiting for a decision")
        return redirect("frontdoor:contact_detail", pk=contact.pk)
    today = timezone.localdate()
    levels = ThresholdLevel.objects.filter(is_active=True)
    form = DecisionForm(request.POST or None, levels=levels, initial={"version": contact.version})
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k in DECISION_FIELDS}
        made = {}

        def record():
            made["decision"] = decision_record(actor=request.user, contact=contact,
                                               expected_version=form.cleaned_data["version"], data=data)
        if run_service(form, record):
            done = made["decision"]
            if done.status == DecisionStatus.PROPOSED:
                messages.success(request, "The decision was recorded and is waiting for a manager to authorise it")
            else:
                messages.success(request, f"Decision recorded: {done.get_outcome_display()}")
            return redirect("frontdoor:contact_detail", pk=contact.pk)
    audit_contact(actor=request.user, action=Action.VIEW, contact=contact, detail="decision page")
    return render(request, "frontdoor/decision.html", {**_context(request, contact, today), "form": form})


@front_door_page(permission="frontdoor.authorise")
def authorise(request, pk: int):
    contact = screened_contact(request, pk)
    proposal = next((d for d in contact.decisions.all() if d.status == DecisionStatus.PROPOSED), None)
    if contact.status != ContactStatus.AWAITING_AUTHORISATION or proposal is None:
        messages.info(request, "There is no decision waiting for authorisation on this contact")
        return redirect("frontdoor:contact_detail", pk=contact.pk)
    today = timezone.localdate()
    form = AuthoriseForm(request.POST or None, initial={"version": contact.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["action"] == "authorise":
            action = lambda: decision_authorise(actor=request.user, contact=contact,  # noqa: E731
                                                expected_version=data["version"], comment=data["comment"],
                                                late_reason=data["late_reason"])
        else:
            action = lambda: decision_return(actor=request.user, contact=contact,  # noqa: E731
                                             expected_version=data["version"], comment=data["comment"])
        try:
            ok = run_service(form, action)
        except PermissionDenied as exc:
            form.add_error(None, f"{exc} – ask a manager who can open the child's record")
            ok = False
        if ok:
            messages.success(request, "The decision was authorised" if data["action"] == "authorise"
                             else "The decision was returned to the screener")
            return redirect("frontdoor:oversight")
    audit_contact(actor=request.user, action=Action.VIEW, contact=contact, detail="authorisation page")
    return render(request, "frontdoor/authorise.html", {**_context(request, contact, today), "form": form,
                                                        "proposal": proposal})
