"""This part's entry in the service navigation (lantern/web/navigation.py merges it)."""

from lantern.web.nav_item import NavItem

NAV: tuple = (
    NavItem("Ofsted Annex A", "returns:annex_a", "annex_a.export", "annex_a"),
)
