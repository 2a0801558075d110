"""Finding 2 of the hostile-insider probe: contacts ignored restriction and scope. A contact matched
to a restricted record now shows only that a restricted record matched, and who to go to, until the
reader is named on it or breaks the glass; everyone outside the front door reaches a contact only
through a child whose record they may open."""

from datetime import date

import pytest

from lantern.access.models import NamedAccess
from lantern.access.services import break_glass_open
from lantern.accounts.roles import Role
from lantern.audit_log.models import AuditEvent
from lantern.frontdoor.codes import PersonRole
from lantern.frontdoor.testing import received_contact
from lantern.people.models import Person, Relationship
from lantern.testing.api import bearer
from lantern.testing.factories import ChildFactory, ServiceFactory, TeamFactory, UserFactory

SECRET = ("Wenonah", "Pellisandre", date(2015, 2, 3))


@pytest.fixture
def restricted(team, social_worker):
    child = ChildFactory(first_name=SECRET[0], last_name=SECRET[1], date_of_birth=SECRET[2], current_team=team,
                         current_worker=social_worker)
    uncle = Person.objects.create(first_name="Barnabus", last_name="Quiltermoor", is_child_record=False)
    Relationship.objects.create(child=child, relative=uncle, relationship_type="other_relative")
    return child


@pytest.fixture
def matched(screener, restricted):
    """A contact the screener matched before the record was restricted by its manager."""
    contact = received_contact(screener, restricted, first_name=SECRET[0], last_name=SECRET[1],
                               date_of_birth=SECRET[2], adult=True, concern="Disclosed at school: secret detail.")
    restricted.is_restricted = True
    restricted.save(update_fields=["is_restricted"])
    manager = UserFactory(role=Role.TEAM_MANAGER, team=restricted.current_team, email="named.manager@example.org")
    NamedAccess.objects.create(child=restricted, user=manager, granted_by=manager)
    return contact


def leaks(text: str) -> list[str]:
    return [s for s in (SECRET[0], SECRET[1], "2015-02-03", "3 Feb 2015", "secret detail", "Quiltermoor") if s in text]


@pytest.fixture(params=["screener", "service_manager"])
def front_door_reader(request, screener, service):
    if request.param == "screener":
        return screener
    return UserFactory(role=Role.SERVICE_MANAGER, team=TeamFactory(service=service))


def test_a_contact_matched_to_a_restricted_record_shows_only_who_to_go_to(client, front_door_reader, matched):
    client.force_login(front_door_reader)
    for path in (f"/front-door/contacts/{matched.pk}/", f"/front-door/contacts/{matched.pk}/decision/",
                 f"/front-door/contacts/{matched.pk}/people/{matched.people.get(role=PersonRole.ADULT).pk}/match/"):
        response = client.get(path)
        assert response.status_code == 403, path
        page = response.content.decode()
        assert leaks(page) == [], path
        assert "named.manager@example.org" in page and "break-glass" in page
    api = client.get(f"/api/v1/frontdoor/contacts/{matched.pk}", **bearer(front_door_reader))
    assert api.status_code == 403 and leaks(api.content.decode()) == []
    assert AuditEvent.objects.filter(actor=front_door_reader, action="denied", object_type="contact").exists()


def test_the_queue_shows_a_restricted_match_without_names(client, front_door_reader, matched):
    client.force_login(front_door_reader)
    page = client.get("/front-door/").content.decode()
    assert "A restricted record matched" in page and leaks(page) == []
    listed = client.get("/api/v1/frontdoor/contacts", **bearer(front_door_reader)).json()["items"]
    row = next(r for r in listed if r["id"] == matched.pk)
    assert row["restricted"] is True and row["children"] == [] and row["flags"] == []


def test_after_breaking_the_glass_the_screener_reads_the_contact(client, screener, matched, restricted):
    break_glass_open(actor=screener, child=restricted, reason="Police at the door need to know who lives here")
    client.force_login(screener)
    response = client.get(f"/front-door/contacts/{matched.pk}/")
    assert response.status_code == 200 and SECRET[1] in response.content.decode()


def test_no_front_door_write_is_possible_on_a_restricted_match(client, screener, matched):
    client.force_login(screener)
    response = client.post(f"/front-door/contacts/{matched.pk}/agency-checks/new/",
                           {"agency_name": "Probe", "asked_on": date.today().isoformat(), "response": "x"})
    assert response.status_code == 403
    assert not matched.agency_checks.exists()


def test_outside_the_front_door_a_contact_is_reached_only_through_a_visible_child(client, screener, social_worker,
                                                                                  child):
    away = ChildFactory(first_name="Orsolya", last_name="Venncastle",
                        current_team=TeamFactory(service=ServiceFactory(name="Youth justice")))
    mine = received_contact(screener, child, first_name=child.first_name, last_name=child.last_name)
    sibling = mine.people.create(role=PersonRole.CHILD, first_name=away.first_name, last_name=away.last_name,
                                 person=away)
    theirs = received_contact(screener, away, first_name=away.first_name, last_name=away.last_name)
    client.force_login(social_worker)
    page = client.get(f"/front-door/contacts/{mine.pk}/")
    assert page.status_code == 200
    assert "Venncastle" not in page.content.decode() and "whose record you cannot open" in page.content.decode()
    assert "Record the decision" not in page.content.decode()  # reading, not screening
    api = client.get(f"/api/v1/frontdoor/contacts/{mine.pk}", **bearer(social_worker)).json()
    assert [p["id"] for p in api["people"]] == [mine.people.get(person=child).pk] and api["withheld_children"] == 1
    assert sibling.pk not in [p["id"] for p in api["people"]]
    assert client.get(f"/front-door/contacts/{theirs.pk}/").status_code == 404
    assert client.get(f"/api/v1/frontdoor/contacts/{theirs.pk}", **bearer(social_worker)).status_code == 404
    assert client.get(f"/front-door/contacts/{theirs.pk}/decision/").status_code == 403  # screening is the team's


def test_a_service_manager_without_a_front_door_does_not_screen(client, screener, child):
    contact = received_contact(screener, child, first_name=child.first_name, last_name=child.last_name)
    early_help = TeamFactory(service=ServiceFactory(name="Early help and family support"))
    head = UserFactory(role=Role.SERVICE_MANAGER, team=early_help)
    client.force_login(head)
    assert client.get("/front-door/").status_code == 403
    assert client.get(f"/front-door/contacts/{contact.pk}/").status_code == 404  # the child is not in reach
