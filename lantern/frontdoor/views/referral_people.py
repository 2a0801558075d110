"""The referral form's "add another" pages for the children and the adults in the household."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from lantern.service_layer.pages import run_service
from lantern.web.decorators import page

from ..codes import PersonRole
from ..forms.contacts import VersionedForm
from ..forms.referral import ReferralAdultForm, ReferralPersonForm
from ..services import referral_person_remove, referral_person_save
from .referral_form import SECTION, draft_or_404, guidance, next_page

GROUPS = {"children": (PersonRole.CHILD, "Children", "child"), "adults": (PersonRole.ADULT, "Adults in the household",
                                                                         "adult")}


def _group(slug: str):
    if slug not in GROUPS:
        raise Http404("No such page")
    return GROUPS[slug]


@page(permission="frontdoor.refer", nav_section=SECTION)
def referral_people(request, pk: int, group: str):
    contact = draft_or_404(request, pk)
    role, title, noun = _group(group)
    people = [p for p in contact.people.all() if p.role == role]
    form = VersionedForm(request.POST or None, initial={"version": contact.version})
    if request.method == "POST":
        if "save_later" in request.POST:
            return redirect("frontdoor:referral_saved", pk=contact.pk)
        if role == PersonRole.CHILD and not people:
            form.add_error(None, "Add at least one child")
        else:
            return redirect(next_page(contact, group, request))
    return render(request, "frontdoor/referral_people.html", {
        "contact": contact, "people": people, "title": title, "noun": noun, "group": group, "form": form,
        "add_url": reverse("frontdoor:referral_person_new", args=[contact.pk, group]), **guidance()})


@page(permission="frontdoor.refer", nav_section=SECTION)
def referral_person(request, pk: int, group: str, mention_pk: int | None = None):
    contact = draft_or_404(request, pk)
    role, title, noun = _group(group)
    mention = None
    if mention_pk is not None:
        mention = next((p for p in contact.people.all() if p.pk == mention_pk and p.role == role), None)
        if mention is None:
            raise Http404("That person is not on this referral")
    form_class = ReferralAdultForm if role == PersonRole.ADULT else ReferralPersonForm
    initial = {name: getattr(mention, name) for name in form_class.base_fields if mention and hasattr(mention, name)}
    initial["version"] = contact.version
    form = form_class(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"} | {"role": role}
        if run_service(form, lambda: referral_person_save(actor=request.user, contact=contact, mention=mention,
                                                          expected_version=form.cleaned_data["version"], data=data)):
            return redirect("frontdoor:referral_people", pk=contact.pk, group=group)
    heading = f"Change the {noun}'s details" if mention else f"Add {'a' if noun == 'child' else 'an'} {noun}"
    return render(request, "frontdoor/referral_person.html", {
        "contact": contact, "form": form, "title": heading, "group": group, **guidance()})


@page(permission="frontdoor.refer", nav_section=SECTION)
def referral_person_delete(request, pk: int, mention_pk: int):
    contact = draft_or_404(request, pk)
    mention = next((p for p in contact.people.all() if p.pk == mention_pk), None)
    if mention is None:
        raise Http404("That person is not on this referral")
    group = "children" if mention.role == PersonRole.CHILD else "adults"
    form = VersionedForm(request.POST or None, initial={"version": contact.version})
    if request.method == "POST" and form.is_valid() and run_service(form, lambda: referral_person_remove(
            actor=request.user, contact=contact, expected_version=form.cleaned_data["version"], mention=mention)):
        messages.success(request, f"{mention.full_name} was removed from the referral")
        return redirect("frontdoor:referral_people", pk=contact.pk, group=group)
    return render(request, "frontdoor/referral_remove.html", {"contact": contact, "mention": mention, "form": form,
                                                              "group": group})
