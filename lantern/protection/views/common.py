"""Pieces the child protection pages share: fetching a record of the child already fetched through
the policy, rendering a form page, saving through a service and showing its refusals."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from lantern.accounts.models import User
from lantern.accounts.roles import Role
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.service_layer.concurrency import ConcurrentEditError
from lantern.web.forms import attach_service_errors

CASE_STAFF = (Role.SOCIAL_WORKER, Role.SENIOR_PRACTITIONER, Role.TEAM_MANAGER, Role.SERVICE_MANAGER)


def record_of(queryset, child, pk: int):
    """A record of this child (who was fetched through the access policy), or 404."""
    return get_object_or_404(queryset, pk=pk, child=child)


def audit_view(request, child, decision, object_type: str, pk: int) -> None:
    audit_record(actor=request.user, action=Action.VIEW, object_type=object_type, object_id=pk, child_id=child.pk,
                 detail=f"{object_type.replace('_', ' ')}; basis: {decision.basis}")


def case_staff():
    return User.objects.filter(is_active=True, role__in=CASE_STAFF).select_related("team").order_by(
        "last_name", "first_name")


def chairs():
    return User.objects.filter(is_active=True, role=Role.CP_CHAIR).order_by("last_name", "first_name")


def form_page(request, child, form, *, title: str, submit: str, back_url: str, back_text: str = "Back",
              intro: str = "", template: str = "web/form_page.html", **extra):
    return render(request, template, {"form": form, "child": child, "title": title, "intro": intro, "submit": submit,
                                      "back_url": back_url, "back_text": back_text, **extra})


def saved(request, form, save, message: str, url, attach=None):
    """Run the service; on success say so and go to ``url`` (a string, or a function of the result);
    on refusal put the messages on the form and return None."""
    try:
        result = save(form.cleaned_data)
    except ConcurrentEditError as exc:
        form.add_error(None, exc.messages[0])
        return None
    except ValidationError as exc:
        (attach or (lambda e: attach_service_errors(form, e)))(exc)
        return None
    messages.success(request, message)
    return redirect(url(result) if callable(url) else url)


def posted(request):
    return request.POST if request.method == "POST" else None
