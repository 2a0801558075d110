"""Matching the people a contact names to Lantern's records: likely duplicates first, a search,
then creating a record only when none of them is the person."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render

from lantern.access.policy import OutOfReach, visible_children
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.people.audit_types import PERSON
from lantern.people.forms import ChildCreateForm, SearchForm
from lantern.people.models import Person
from lantern.people.search import parse_query, search_children
from lantern.people.selectors import DuplicateCheck
from lantern.people.services.children import PERSON_FIELDS
from lantern.service_layer.pages import run_service

from ..codes import PersonRole
from ..forms.contacts import AdultCreateForm, MatchForm
from ..selectors.screening import possible_matches, relatives_of_matched
from ..services import contact_adult_create, contact_child_create, contact_person_link
from .common import contact_form_page, front_door_page, screened_contact


def _mention(contact, mention_pk: int):
    mention = next((m for m in contact.people.all() if m.pk == mention_pk), None)
    if mention is None:
        raise Http404("That person is not named on this contact")
    return mention


@front_door_page()
def person_match(request, pk: int, mention_pk: int):
    contact = screened_contact(request, pk)
    mention = _mention(contact, mention_pk)
    form = MatchForm(request.POST or None, initial={"version": contact.version})
    if request.method == "POST" and form.is_valid():
        person = Person.objects.filter(pk=form.cleaned_data["person"]).first()
        try:
            if person is None:
                raise OutOfReach()
            ok = run_service(form, lambda: contact_person_link(
                actor=request.user, contact=contact, expected_version=form.cleaned_data["version"],
                mention=mention, person=person))
        except PermissionDenied:
            # The same words whether the record is missing, restricted or out of reach.
            form.add_error(None, "No record you can open has that Lantern ID: if it may be restricted, ask a manager")
            ok = False
        if ok and person is not None:
            messages.success(request, f"{mention.full_name} was matched to {person.full_name} ({person.lantern_id})")
            return redirect("frontdoor:contact_detail", pk=contact.pk)
    search = SearchForm(request.GET or None)
    results = []
    if mention.role == PersonRole.CHILD and search.is_valid() and search.cleaned_data["q"].strip():
        results = search_children(visible_children(request.user), parse_query(search.cleaned_data["q"]))
        audit_record(actor=request.user, action=Action.SEARCH, object_type=PERSON,
                     children=[c.pk for c in results], detail=f"front door match; {len(results)} shown")
    found = possible_matches(request.user, mention) if mention.role == PersonRole.CHILD else DuplicateCheck()
    return render(request, "frontdoor/person_match.html", {
        "contact": contact, "mention": mention, "form": form, "search": search, "results": results,
        "matches": found.shown, "others_may_match": found.others,
        "relatives": relatives_of_matched(request.user, contact) if mention.role == PersonRole.ADULT else [],
        "has_matched_child": any(m.person_id for m in contact.people.all() if m.role == PersonRole.CHILD),
    })


@front_door_page()
def child_create(request, pk: int, mention_pk: int):
    """A new child record for a named child. The likely duplicates were on the match page."""
    contact = screened_contact(request, pk)
    mention = _mention(contact, mention_pk)
    if mention.role != PersonRole.CHILD:
        raise Http404("Only a named child gets a child record")
    initial = {"first_name": mention.first_name, "last_name": mention.last_name,
               "date_of_birth": mention.date_of_birth, "sex": mention.sex, "confirmed_not_duplicate": True}
    form = ChildCreateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = {k: form.cleaned_data.get(k) for k in PERSON_FIELDS if k in form.cleaned_data}
        sent = request.POST.get("version", "")
        version = int(sent) if sent.isdigit() else 0  # a hand-made form is refused as stale, not a 500
        if run_service(form, lambda: contact_child_create(
                actor=request.user, contact=contact, expected_version=version, mention=mention, data=data,
                disabilities=form.cleaned_data["disabilities"])):
            messages.success(request, f"A record was created for {mention.full_name} and matched to the contact")
            return redirect("frontdoor:contact_detail", pk=contact.pk)
    return render(request, "frontdoor/child_form.html", {"form": form, "contact": contact, "mention": mention})


@front_door_page()
def adult_create(request, pk: int, mention_pk: int):
    contact = screened_contact(request, pk)
    mention = _mention(contact, mention_pk)
    if mention.role != PersonRole.ADULT:
        raise Http404("Only a named adult is added as a family member")
    children = [m.person for m in contact.people.all() if m.role == PersonRole.CHILD and m.person_id]
    form = AdultCreateForm(request.POST or None, children=children,
                           initial={"version": contact.version, "relationship_type": mention.relationship,
                                    "lives_with_child": True})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        child = next(c for c in children if c.pk == data["child"])
        if run_service(form, lambda: contact_adult_create(
                actor=request.user, contact=contact, expected_version=data["version"], mention=mention, child=child,
                relationship_type=data["relationship_type"], lives_with_child=data["lives_with_child"],
                has_parental_responsibility=data["has_parental_responsibility"])):
            messages.success(request, f"{mention.full_name} was added to {child.full_name}'s family and matched")
            return redirect("frontdoor:contact_detail", pk=contact.pk)
    intro = "" if children else "Match a child on this contact first: an adult is recorded as a child's family member."
    return contact_form_page(request, contact, form, title=f"Add {mention.full_name} as a family member", intro=intro)
