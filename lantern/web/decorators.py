"""View wrappers that put the access policy in front of every page."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from lantern.access.policy import RestrictedRecord, can_break_glass, child_for, require_permission


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
    """A page about one child: fetched through the policy, or refused, or offered break-glass."""
    def wrap(view):
        @wraps(view)
        def inner(request, pk: int, *args, **kwargs):
            require_permission(request.user, permission)
            try:
                child, decision = child_for(request.user, pk, for_change=for_change)
            except RestrictedRecord as refused:
                from lantern.access.forms import BreakGlassForm
                return render(request, "access/restricted.html",
                              {"child_pk": refused.child.pk, "form": BreakGlassForm(),
                               "can_break_glass": can_break_glass(request.user)}, status=403)
            except PermissionDenied:
                raise
            return view(request, child, decision, *args, **kwargs)
        inner.nav_section = nav_section  # type: ignore[attr-defined]
        return inner
    return wrap
