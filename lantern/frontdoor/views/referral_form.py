"""The partner's online referral form: a start page, question pages saved as they go (so the
partner can come back later), check your answers, and a confirmation with the reference number.
The threshold guidance sits beside every question."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.frontdoor.audit_types import CONTACT
from lantern.service_layer.concurrency import ConcurrentEditError
from lantern.service_layer.pages import run_service
from lantern.web.decorators import page

from ..codes import ContactStatus, PersonRole
from ..forms.referral import AboutYouForm, ConcernForm, LevelForm, ParentsForm, ParentsWhyForm, SubmitForm
from ..models import ThresholdLevel
from ..selectors.partner import my_referrals
from ..services import referral_draft_save, referral_draft_start, referral_submit
from ..services.checks import FIELD_STEPS
from ..services.referral_form import own_referral

# slug → (form, page title); the order is the order of the pages.
QUESTION_PAGES = {
    "about-you": (AboutYouForm, "About you"),
    "concern": (ConcernForm, "What you are worried about"),
    "level": (LevelForm, "Level of need"),
    "parents": (ParentsForm, "Talking to the parents"),
    "parents-why": (ParentsWhyForm, "Why the parents have not been told"),
}
PAGE_ORDER = ("about-you", "children", "adults", "concern", "level", "parents", "parents-why", "check")
SECTION = "refer"


def referral_url(contact, slug: str) -> str:
    if slug in ("children", "adults"):
        return reverse("frontdoor:referral_people", args=[contact.pk, slug])
    if slug == "check":
        return reverse("frontdoor:referral_check", args=[contact.pk])
    return reverse("frontdoor:referral_step", args=[contact.pk, slug])


def next_page(contact, slug: str, request) -> str:
    if request.GET.get("return") == "check" and not (slug == "parents" and contact.discussed_with_parents is False):
        return referral_url(contact, "check")
    following = PAGE_ORDER[PAGE_ORDER.index(slug) + 1]
    if following == "parents-why" and contact.discussed_with_parents is not False:
        following = "check"
    return referral_url(contact, following)


def guidance() -> dict:
    return {"levels": ThresholdLevel.objects.filter(is_active=True)}


def draft_or_404(request, pk: int):
    contact = own_referral(request.user, pk)
    if contact.status != ContactStatus.DRAFT:
        raise Http404("This referral has been sent")
    return contact


@page(permission="frontdoor.refer", nav_section=SECTION)
def referral_start(request):
    if request.method == "POST":
        contact = referral_draft_start(actor=request.user)
        return redirect(referral_url(contact, "about-you"))
    drafts = [c for c in my_referrals(request.user) if c.status == ContactStatus.DRAFT]
    return render(request, "frontdoor/referral_start.html", {"drafts": drafts, **guidance()})


@page(permission="frontdoor.refer", nav_section=SECTION)
def referral_step(request, pk: int, slug: str):
    contact = draft_or_404(request, pk)
    if slug not in QUESTION_PAGES:
        raise Http404("No such question")
    form_class, title = QUESTION_PAGES[slug]
    extra = {"levels": ThresholdLevel.objects.filter(is_active=True)} if form_class is LevelForm else {}
    initial = {name: getattr(contact, name) for name in form_class.base_fields  # type: ignore[attr-defined]
               if hasattr(contact, name)}
    initial["version"] = contact.version
    form = form_class(request.POST or None, initial=initial, **extra)
    if request.method == "POST":
        later = "save_later" in request.POST
        if form.is_valid() or (later and "version" in form.cleaned_data):
            answers = {k: v for k, v in form.cleaned_data.items() if k != "version"}
            if run_service(form, lambda: referral_draft_save(actor=request.user, contact=contact,
                                                             expected_version=form.cleaned_data["version"],
                                                             data=answers)):
                if later:
                    return redirect("frontdoor:referral_saved", pk=contact.pk)
                contact.refresh_from_db()  # the next page depends on the answer just saved
                return redirect(next_page(contact, slug, request))
    return render(request, "frontdoor/referral_question.html", {
        "contact": contact, "form": form, "title": title, "slug": slug, **guidance()})


@page(permission="frontdoor.refer", nav_section=SECTION)
def referral_check(request, pk: int):
    contact = draft_or_404(request, pk)
    form = SubmitForm(request.POST or None, initial={"version": contact.version})
    problems: list[tuple[str, str]] = []
    if request.method == "POST" and form.is_valid():
        try:
            referral_submit(actor=request.user, contact=contact, expected_version=form.cleaned_data["version"])
        except ConcurrentEditError as exc:
            problems.append(("#main-content", exc.messages[0]))
        except ValidationError as exc:
            # Each missing answer links back to the page that asks for it.
            for name, errors in exc.message_dict.items():
                slug = FIELD_STEPS.get(name)
                target = f"{referral_url(contact, slug)}?return=check" if slug else "#main-content"
                problems.extend((target, error) for error in errors)
        else:
            return redirect("frontdoor:referral_confirmation", pk=contact.pk)
    people = list(contact.people.all())
    return render(request, "frontdoor/referral_check.html", {
        "contact": contact, "form": form, "problems": problems,
        "children": [p for p in people if p.role == PersonRole.CHILD],
        "adults": [p for p in people if p.role == PersonRole.ADULT]})


@page(permission="frontdoor.refer", nav_section=SECTION)
def referral_saved(request, pk: int):
    contact = draft_or_404(request, pk)
    messages.success(request, f"Your referral {contact.reference} was saved")
    return render(request, "frontdoor/referral_saved.html", {"contact": contact})


@page(permission="frontdoor.refer", nav_section=SECTION)
def referral_confirmation(request, pk: int):
    contact = own_referral(request.user, pk)
    if contact.status == ContactStatus.DRAFT:
        return redirect("frontdoor:referral_check", pk=contact.pk)
    return render(request, "frontdoor/referral_confirmation.html", {"contact": contact})


@page(permission="frontdoor.refer", nav_section="my_referrals")
def referral_list(request):
    return render(request, "frontdoor/referral_list.html", {"referrals": my_referrals(request.user)})


@page(permission="frontdoor.refer", nav_section="my_referrals")
def referral_view(request, pk: int):
    """A sent referral as the partner gave it, and the decision (in words for the referrer)."""
    contact = own_referral(request.user, pk)
    if contact.status == ContactStatus.DRAFT:
        return redirect("frontdoor:referral_check", pk=contact.pk)
    people = list(contact.people.all())
    final = next((d for d in contact.decisions.all() if d.status == "final"), None)
    audit_record(actor=request.user, action=Action.VIEW, object_type=CONTACT, object_id=contact.pk,
                 detail="the referrer's own referral")
    return render(request, "frontdoor/referral_view.html", {
        "contact": contact, "final": final, "children": [p for p in people if p.role == PersonRole.CHILD],
        "adults": [p for p in people if p.role == PersonRole.ADULT]})
