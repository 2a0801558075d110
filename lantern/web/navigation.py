"""The service navigation, as data: each item names the permission it needs."""

from django.urls import reverse

from lantern.access.policy import has_permission

from .nav_item import NavItem

CORE_ITEMS = (
    NavItem("Home", "home", None, "home"),
    NavItem("My work", "obligations:my_work", "worklist.mine", "work"),
    NavItem("Team work", "obligations:team_work", "worklist.team", "team_work"),
    NavItem("Service deadlines", "obligations:service_work", "worklist.service", "service_work"),
    NavItem("Find a child", "people:search", "child.search", "children"),
    NavItem("Record a child", "people:child_create", "child.create", "record"),
    NavItem("Teams and staff", "accounts:teams", "directory.view", "teams"),
    NavItem("Partner agencies", "accounts:agencies", "directory.view", "agencies"),
    NavItem("Break-glass review", "access:break_glass_review", "break_glass.review", "break_glass"),
    NavItem("Timescale settings", "obligations:settings", "timescales.configure", "settings"),
    NavItem("API tokens", "accounts:api_tokens", "api.token", "api"),
)


def _all_items() -> tuple[NavItem, ...]:
    from importlib import import_module

    from lantern.parts import part_names

    feature_items = tuple(item for app in part_names() for item in import_module(f"lantern.{app}.navigation").NAV)
    # Core work lists and search first, the journey's own pages next, directories and settings last.
    return CORE_ITEMS[:6] + feature_items + CORE_ITEMS[6:]


NAV_ITEMS = _all_items()


def items_for(user, current_section: str) -> list[dict]:
    return [
        {"text": item.label, "href": reverse(item.url_name), "current": item.section == current_section}
        for item in NAV_ITEMS
        if (item.permission is None or has_permission(user, item.permission))
        and (item.visible is None or item.visible(user))
    ]
