"""This part's entries in the service navigation (lantern/web/navigation.py merges them)."""

from lantern.web.nav_item import NavItem

NAV: tuple = (
    NavItem("Step-downs", "cin:step_down_list", "step_down.respond", "step_downs"),
    NavItem("Children in need", "cin:overview", "cin.overview", "cin_overview"),
)
