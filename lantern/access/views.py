"""Pages for who has looked at a record, restricting a record, and break-glass access."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from lantern.access.audit_types import AUDIT_TRAIL
from lantern.accounts.models import User
from lantern.accounts.roles import Role
from lantern.audit_log.models import Action
from lantern.audit_log.selectors import audit_events_for_child
from lantern.audit_log.services import audit_record
from lantern.service_layer.pages import refusals_on, service_page
from lantern.web.decorators import child_page, page

from .forms import BreakGlassForm, BreakGlassReviewForm, BreakGlassWriteForm, RestrictionForm
from .models import BreakGlassAccess, NamedAccess
from .policy import decide
from .services import (
    break_glass_open,
    break_glass_review,
    break_glass_target,
    break_glass_write_reason,
    notices_read,
    restriction_set,
)


@child_page(permission="child.access_log")
def child_access_log(request, child, decision):
    # Audit first: the page then counts and lists the same rows, this view included.
    audit_record(actor=request.user, action=Action.VIEW, object_type=AUDIT_TRAIL, object_id=child.pk,
                 child_id=child.pk, detail="who has looked at this record")
    events = Paginator(audit_events_for_child(child.pk), 50).get_page(request.GET.get("page"))
    return render(request, "access/access_log.html", {"child": child, "events": events})


@child_page(permission="child.restrict")
def child_restriction(request, child, decision):
    users = User.objects.filter(is_active=True).exclude(role=Role.ADMINISTRATOR).select_related("team")
    if child.current_team_id:
        users = users.filter(team__service_id=child.current_team.service_id)
    named = list(NamedAccess.objects.filter(child=child).values_list("user_id", flat=True))
    form = RestrictionForm(request.POST if request.method == "POST" else None, users=users,
                           initial={"is_restricted": child.is_restricted, "named_users": named})

    def save(data):
        restriction_set(actor=request.user, child=child, is_restricted=data["is_restricted"],
                        named_users=data["named_users"], reason=data["reason"])

    back = reverse("people:child_detail", args=[child.pk])
    return service_page(request, form, save=save, success="The restriction was saved", done_url=back,
                        title="Restriction and named people", child=child, back_url=back,
                        back_text=f"Back to {child.full_name}")


@page(permission="child.break_glass", nav_section="children")
def break_glass(request, pk: int):
    child = break_glass_target(request.user, pk)
    if decide(request.user, child).allowed:
        return redirect("people:child_detail", pk=child.pk)
    form = BreakGlassForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        with refusals_on(form) as outcome:
            access = break_glass_open(actor=request.user, child=child, reason=form.cleaned_data["reason"])
        if outcome.ok:
            messages.success(request, f"Break-glass access is open until {access.expires_at:%H:%M on %d %B %Y}. "
                                      "You can read the record; it will be reviewed.")
            return redirect("people:child_detail", pk=child.pk)
    return render(request, "access/restricted.html", {"child_pk": child.pk, "form": form, "can_break_glass": True},
                  status=400 if form.errors else 200)


@child_page(permission="child.break_glass")
def break_glass_write(request, child, decision):
    """Under break-glass, the reason for changing the record, asked for before the first change."""
    if decision.glass is None:
        raise Http404("No break-glass access is open on this record for you")
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = ""
    form = BreakGlassWriteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        with refusals_on(form) as outcome:
            break_glass_write_reason(actor=request.user, child=child, reason=form.cleaned_data["reason"])
        if outcome.ok:
            messages.success(request, "Your reason was recorded and the people named on this record were told")
            return redirect(next_url or reverse("people:child_detail", args=[child.pk]))
    return render(request, "access/break_glass_write.html", {"child": child, "form": form, "glass": decision.glass},
                  status=400 if form.errors else 200)


@page(permission="break_glass.review", nav_section="break_glass")
def break_glass_review_list(request):
    pending = BreakGlassAccess.objects.filter(reviewed_at__isnull=True).select_related("user", "child")
    recent = BreakGlassAccess.objects.filter(reviewed_at__isnull=False).select_related("user", "reviewed_by")[:50]
    return render(request, "access/break_glass_review.html",
                  {"pending": pending, "recent": recent, "now": timezone.now()})


@page(permission="break_glass.review", nav_section="break_glass")
def break_glass_review_one(request, access_pk: int):
    access = get_object_or_404(BreakGlassAccess.objects.select_related("user"), pk=access_pk)
    form = BreakGlassReviewForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        with refusals_on(form) as outcome:
            break_glass_review(actor=request.user, access=access, note=form.cleaned_data["note"])
        if outcome.ok:
            messages.success(request, "The review was recorded")
            return redirect("access:break_glass_review")
    actions = audit_events_for_child(access.child_id).filter(actor=access.user, at__gte=access.started_at,
                                                             at__lte=access.expires_at)
    return render(request, "access/break_glass_review_one.html", {"access": access, "form": form,
                                                                  "actions": actions[:200]})


@require_POST
@page(permission="child.view")
def notices_mark_read(request):
    notices_read(actor=request.user)
    return redirect("home")
