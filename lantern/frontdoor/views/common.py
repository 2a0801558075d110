"""Shared pieces of the front door pages: the staff-only wrapper, fetching a contact, and turning
a service's refusal into GOV.UK errors."""

from functools import wraps

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from lantern.people.services import ConcurrentEditError
from lantern.web.decorators import page
from lantern.web.forms import attach_service_errors

from ..permissions import front_door_staff
from ..selectors.screening import contact_for_screening


def front_door_page(*, permission: str = "frontdoor.screen", nav_section: str = "frontdoor"):
    """A page for the front door team: the permission, then the team rule (see permissions.py)."""
    def wrap(view):
        @page(permission=permission, nav_section=nav_section)
        @wraps(view)
        def inner(request, *args, **kwargs):
            if not front_door_staff(request.user):
                raise PermissionDenied("This page is for the front door team")
            return view(request, *args, **kwargs)
        return inner
    return wrap


def contact_or_404(pk: int):
    contact = contact_for_screening(pk)
    if contact is None:
        raise Http404("No contact with that reference")
    return contact


def run_service(form, action) -> bool:
    """Call ``action()``; on a refusal, show it on ``form`` and return False."""
    try:
        action()
    except ConcurrentEditError as exc:
        form.add_error(None, exc.messages[0])
        return False
    except ValidationError as exc:
        attach_service_errors(form, exc)
        return False
    return True
