from django.conf import settings

from .navigation import items_for


def navigation(request) -> dict:
    user = getattr(request, "user", None)
    resolver = getattr(request, "resolver_match", None)
    section = ""
    if resolver:
        section = getattr(resolver.func, "nav_section", "") or getattr(getattr(resolver.func, "view_class", None),
                                                                        "nav_section", "")
    return {
        "authority_name": settings.LANTERN_AUTHORITY_NAME,
        "nav_items": items_for(user, section) if user and user.is_authenticated else [],
    }
