"""View wrappers that put the access policy in front of every page."""

from functools import wraps
from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

from lantern.access.policy import (
    BreakGlassWriteReasonNeeded,
    RestrictedRecord,
    child_for,
    require_permission,
)


def page(*, permission: str | None = None, nav_section: str = ""):
    """A page that needs a permission (checked before the view runs)."""
    def wrap(view):
        @wraps(view)
        def inner(request, *args, **kwargs):
            if permission:
                require_permission(request.user, permission)
            return view(request, *args, **kwargs)
        inner.nav_section = nav_section  # type: ignore[attr-defined]
        return inner
    return wrap


def child_page(*, permission: str = "child.view", for_change: bool = False, nav_section: str = "children"):
    """A page about one child: fetched through the policy, or refused, or offered break-glass.
    A record out of this person's reach is "not found" (404), exactly like one that does not exist."""
    def wrap(view):
        @wraps(view)
        def inner(request, pk: int, *args, **kwargs):
            require_permission(request.user, permission)
            try:
                child, decision = child_for(request.user, pk, for_change=for_change)
            except RestrictedRecord as refused:
                return refused.response_for(request)
            except BreakGlassWriteReasonNeeded:
                return redirect(f"{reverse('access:break_glass_write', args=[pk])}?{urlencode({'next': request.path})}")
            return view(request, child, decision, *args, **kwargs)
        inner.nav_section = nav_section  # type: ignore[attr-defined]
        return inner
    return wrap
