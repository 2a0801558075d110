from dataclasses import dataclass


@dataclass(frozen=True)
class NavItem:
    """An entry in the service navigation, shown to people holding ``permission`` (or everyone
    signed in, when it is None). ``section`` matches the view's ``nav_section``."""

    label: str
    url_name: str
    permission: str | None
    section: str
