"""The one way a page runs a service: call it with the form's answers; on success say so and move on;
on a refusal show each message on the field it concerns (or above the form), keeping what was typed."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render

from lantern.web.forms import attach_service_errors

from .concurrency import ConcurrentEditError

FORM_PAGE = "web/form_page.html"


def run_service(form, action: Callable[[], Any], attach: Callable[[ValidationError], None] | None = None) -> bool:
    """Call ``action()``; on a refusal put it on ``form`` and return False. ``attach`` puts the
    service's messages on the form where a form lays its fields out its own way (rows of actions)."""
    try:
        action()
    except ConcurrentEditError as exc:
        form.add_error(None, exc.messages[0])
        return False
    except ValidationError as exc:
        (attach or (lambda e: attach_service_errors(form, e)))(exc)
        return False
    return True


def saved(request, form, save: Callable[[dict], Any], message: str, url,
          attach: Callable[[ValidationError], None] | None = None) -> HttpResponse | None:
    """Run ``save(form.cleaned_data)``; on success say ``message`` and go to ``url`` (a string, or a
    function of the result); on a refusal return None, the messages on the form."""
    made: list[Any] = []
    if not run_service(form, lambda: made.append(save(form.cleaned_data)), attach):
        return None
    messages.success(request, message)
    return redirect(url(made[0]) if callable(url) else url)


def form_page(request, form, *, title: str, back_url: str, caption: str = "", back_text: str = "Back",
              submit: str = "Save", intro: str = "", template: str = FORM_PAGE, **extra) -> HttpResponse:
    """The one form page: caption, heading, error summary, the form's fields, Save and Cancel."""
    return render(request, template, {"form": form, "title": title, "caption": caption, "back_url": back_url,
                                      "back_text": back_text, "submit": submit, "intro": intro, **extra})


def service_page(request, form, *, save: Callable[[dict], Any], success: str, done_url, **page) -> HttpResponse:
    """A whole form page: on a valid POST run the service and go on; otherwise (first visit, or a
    refusal) show the form page with ``page``'s words."""
    if request.method == "POST" and form.is_valid():
        response = saved(request, form, save, success, done_url)
        if response is not None:
            return response
    return form_page(request, form, **page)


class refusals_on:  # noqa: N801 (used as a statement: ``with refusals_on(form) as outcome:``)
    """For a view that does more around its service call than ``saved`` allows: a service's refusal
    inside the block goes on ``form`` (as ``run_service`` puts it) and ``outcome.ok`` is False."""

    def __init__(self, form, attach: Callable[[ValidationError], None] | None = None):
        self.form, self.attach, self.ok = form, attach, True

    def __enter__(self) -> "refusals_on":
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        if exc is None or not isinstance(exc, ValidationError):
            return False
        self.ok = False
        if isinstance(exc, ConcurrentEditError):
            self.form.add_error(None, exc.messages[0])
        else:
            (self.attach or (lambda e: attach_service_errors(self.form, e)))(exc)
        return True
