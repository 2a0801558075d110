"""This part's entries in the service navigation (lantern/web/navigation.py merges them)."""

from lantern.web.nav_item import NavItem

NAV: tuple = (NavItem("Conferences", "protection:conference_list", "conference.list", "conferences"),)
