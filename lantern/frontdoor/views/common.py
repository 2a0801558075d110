"""Shared pieces of the front door pages: the staff-only wrapper, fetching a contact, and turning
a service's refusal into GOV.UK errors."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.urls import reverse

from lantern.service_layer.pages import form_page
from lantern.web.decorators import page

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


def contact_form_page(request, contact, form, *, title: str, intro: str = ""):
    """The one form page, captioned with the contact and going back to it."""
    back = reverse("frontdoor:contact_detail", args=[contact.pk])
    return form_page(request, form, title=title, intro=intro, caption=f"Contact {contact.reference}",
                     back_url=back, back_text=f"Back to contact {contact.reference}")
