"""This part's entry in the service navigation (lantern/web/navigation.py merges them)."""

from lantern.web.nav_item import NavItem

NAV: tuple = (
    NavItem("Performance", "returns:performance", "performance.view", "performance"),
)
