"""Shared pieces of the front door pages: the staff-only wrapper, fetching a contact, and turning
a service's refusal into GOV.UK errors."""

from functools import wraps

from django.core.exceptions import PermissionDenied, ValidationError

from lantern.service_layer.concurrency import ConcurrentEditError
from lantern.web.decorators import page
from lantern.web.forms import attach_service_errors

from ..access import contact_view
from ..permissions import front_door_staff


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


def screened_contact(request, pk: int):
    """The contact for a front door page: missing or out of reach is "not found"; matched to a
    restricted record the screener may not open is refused with who to go to (frontdoor/access.py)."""
    return contact_view(request.user, pk, screening=True).contact


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
