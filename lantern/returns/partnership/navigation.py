"""This part's entries in the service navigation (lantern/web/navigation.py merges them)."""

from lantern.web.nav_item import NavItem

NAV: tuple = (
    NavItem("Partnership data", "returns:partnership", "partnership.view", "partnership"),
)
