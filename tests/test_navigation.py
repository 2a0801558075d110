"""The service navigation shows each person the pages their role and team open, and no others."""

from lantern.accounts.roles import Role
from lantern.web.navigation import NAV_ITEMS, items_for


def labels(user) -> set[str]:
    return {item["text"] for item in items_for(user, "")}


def test_every_link_shown_opens_for_that_person(client, make_user):
    for role in Role:
        user = make_user(role)
        client.force_login(user)
        for item in items_for(user, ""):
            assert client.get(item["href"]).status_code == 200, f"{role} sees {item['text']} but cannot open it"


def test_front_door_link_only_for_people_working_the_front_door(make_user):
    assert "Front door" in labels(make_user(Role.FRONT_DOOR_SCREENER))
    assert "Front door" not in labels(make_user(Role.SOCIAL_WORKER))  # a care management social worker
    assert "Front door" not in labels(make_user(Role.PARTNER_PRACTITIONER))


def test_every_item_names_a_known_permission():
    from lantern.access.permissions import PERMISSIONS

    assert all(item.permission is None or item.permission in PERMISSIONS for item in NAV_ITEMS)
