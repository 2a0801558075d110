from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class NavItem:
    """An entry in the service navigation, shown to people holding ``permission`` (or everyone
    signed in, when it is None) for whom ``visible(user)``, if given, is true too (for a rule
    beyond the role, such as working in the front door team). ``section`` matches the view's
    ``nav_section``."""

    label: str
    url_name: str
    permission: str | None
    section: str
    visible: Callable[[object], bool] | None = None
