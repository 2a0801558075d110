"""Regression tests for what a hostile-insider probe found (issue 14), one or more per finding,
named for the rule each now enforces."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from lantern.access.models import BreakGlassAccess, NamedAccess, RestrictedRecordNotice
from lantern.access.policy import OutOfReach, RestrictedRecord, child_for
from lantern.access.services import break_glass_open, break_glass_write_reason, restriction_set
from lantern.accounts.roles import Role, TeamKind
from lantern.audit_log.context import client_ip
from lantern.audit_log.models import AuditEvent
from lantern.audit_log.selectors import audit_events_for_child
from lantern.audit_log.transactions import atomic
from lantern.people.models import Relationship
from lantern.people.services import child_update
from lantern.testing.api import bearer
from lantern.testing.factories import ChildFactory, ServiceFactory, TeamFactory, UserFactory

REASON = "Police report a child at the address may be at risk tonight"


@pytest.fixture
def elsewhere():
    """A team in another service, its social worker, and a child it holds."""
    team = TeamFactory(service=ServiceFactory(name="Disabled children's service"))
    worker = UserFactory(role=Role.SOCIAL_WORKER, team=team)
    return team, worker, ChildFactory(first_name="Quillon", last_name="Farrowdene", current_team=team,
                                      current_worker=worker)


@pytest.fixture
def restricted_elsewhere(elsewhere):
    team, worker, _ = elsewhere
    child = ChildFactory(first_name="Ysolde", last_name="Marchbank", current_team=team, is_restricted=True)
    NamedAccess.objects.create(child=child, user=worker, granted_by=worker)
    return child


# Finding 1 ------------------------------------------------------------------------------------------

def test_linking_a_relative_through_the_api_reveals_nothing_outside_reach(client, social_worker, child,
                                                                         restricted_elsewhere, elsewhere):
    headers = bearer(social_worker)
    for relative in (restricted_elsewhere, elsewhere[2]):
        response = client.post(f"/api/v1/children/{child.pk}/relationships",
                               {"relative_id": relative.pk, "relationship_type": "sibling"},
                               content_type="application/json", **headers)
        assert response.status_code == 422
        body = response.content.decode()
        assert relative.first_name not in body and str(relative.date_of_birth) not in body
    assert not Relationship.objects.filter(child=child).exists()


def test_a_relationship_between_two_children_is_audited_under_both(client, social_worker, child, team):
    sibling = ChildFactory(current_team=team)
    response = client.post(f"/api/v1/children/{child.pk}/relationships",
                           {"relative_id": sibling.pk, "relationship_type": "sibling"},
                           content_type="application/json", **bearer(social_worker))
    assert response.status_code == 201
    for who in (child, sibling):
        assert audit_events_for_child(who.pk).filter(object_type="relationship", action="create").exists()


def test_a_relative_with_a_record_the_reader_cannot_open_is_listed_without_name(client, social_worker, child,
                                                                                 restricted_elsewhere):
    Relationship.objects.create(child=child, relative=restricted_elsewhere, relationship_type="sibling")
    listed = client.get(f"/api/v1/children/{child.pk}/relationships", **bearer(social_worker)).json()["items"]
    assert listed[0]["relative_id"] is None and listed[0]["relative_date_of_birth"] is None
    assert "Ysolde" not in str(listed)
    client.force_login(social_worker)
    page = client.get(f"/children/{child.pk}/").content.decode()
    assert "Ysolde" not in page and "A child whose record you cannot open" in page


# Finding 3 ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("role", [Role.SOCIAL_WORKER, Role.SENIOR_PRACTITIONER, Role.EARLY_HELP_PRACTITIONER,
                                  Role.TEAM_MANAGER, Role.SERVICE_MANAGER])
def test_break_glass_never_reaches_outside_the_breakers_own_reach(make_user, restricted_elsewhere, role):
    intruder = make_user(role)
    with pytest.raises(OutOfReach):
        break_glass_open(actor=intruder, child=restricted_elsewhere, reason=REASON)
    assert not BreakGlassAccess.objects.filter(child=restricted_elsewhere).exists()
    with pytest.raises(OutOfReach):
        child_for(intruder, restricted_elsewhere.pk)


def test_emergency_cover_may_break_the_glass_anywhere(make_user, service, restricted_elsewhere):
    out_of_hours = make_user(Role.SOCIAL_WORKER, team=TeamFactory(service=service, kind=TeamKind.EMERGENCY_DUTY))
    with pytest.raises(RestrictedRecord):
        child_for(out_of_hours, restricted_elsewhere.pk)
    break_glass_open(actor=out_of_hours, child=restricted_elsewhere, reason=REASON)
    assert child_for(out_of_hours, restricted_elsewhere.pk)[1].allowed


def test_break_glass_reads_and_needs_its_own_reason_to_write(make_user, elsewhere, restricted_elsewhere):
    team, named_worker, _ = elsewhere
    colleague = UserFactory(role=Role.SOCIAL_WORKER, team=team)
    access = break_glass_open(actor=colleague, child=restricted_elsewhere, reason=REASON)
    assert RestrictedRecordNotice.objects.filter(recipient=named_worker, access=access, kind="opened").exists()
    with pytest.raises(PermissionDenied, match="To change it"):
        child_update(actor=colleague, child=restricted_elsewhere, expected_version=1, data={"known_as": "Y"})
    with pytest.raises(ValidationError):
        break_glass_write_reason(actor=colleague, child=restricted_elsewhere, reason="too short")
    break_glass_write_reason(actor=colleague, child=restricted_elsewhere,
                             reason="Recording the new address the police gave tonight")
    assert RestrictedRecordNotice.objects.filter(recipient=named_worker, kind="changing").exists()
    child_update(actor=colleague, child=restricted_elsewhere, expected_version=1, data={"known_as": "Y"})


def test_naming_someone_outside_reach_on_a_restricted_record_is_refused(child, make_user, team):
    manager = make_user(Role.TEAM_MANAGER, team=team)
    stranger = make_user(Role.SOCIAL_WORKER, team=TeamFactory(service=ServiceFactory(name="Youth justice")))
    with pytest.raises(ValidationError, match="cannot reach this record"):
        restriction_set(actor=manager, child=child, is_restricted=True, named_users=[stranger], reason="Staff relative")
    assert not NamedAccess.objects.filter(user=stranger).exists()


# Finding 4 ------------------------------------------------------------------------------------------

def test_the_duplicate_check_names_only_children_the_caller_can_see(client, social_worker, restricted_elsewhere,
                                                                    elsewhere):
    headers = bearer(social_worker)
    for target in (restricted_elsewhere, elsewhere[2]):
        response = client.post("/api/v1/children", {"first_name": target.first_name, "last_name": target.last_name,
                                                    "date_of_birth": str(target.date_of_birth)},
                               content_type="application/json", **headers)
        assert response.status_code == 409
        body = response.json()
        assert body["duplicates"] == [] and body["other_records_may_match"] is True
        assert target.last_name not in response.content.decode()
        assert audit_events_for_child(target.pk).filter(action="duplicate_check").exists()


# Finding 5 ------------------------------------------------------------------------------------------

def test_the_break_glass_page_does_not_tell_which_records_are_restricted(client, make_user, restricted_elsewhere,
                                                                         elsewhere, child):
    client.force_login(make_user(Role.SOCIAL_WORKER))
    missing = max(restricted_elsewhere.pk, child.pk, elsewhere[2].pk) + 100
    answers = {client.get(f"/children/{pk}/break-glass/").status_code
               for pk in (restricted_elsewhere.pk, elsewhere[2].pk, missing)}
    assert answers == {404}


# Finding 6 ------------------------------------------------------------------------------------------

def test_forwarded_addresses_are_believed_only_from_trusted_proxies(settings):
    settings.LANTERN_TRUSTED_PROXIES = ["10.0.0.0/8"]
    forged = {"REMOTE_ADDR": "203.0.113.9", "HTTP_X_FORWARDED_FOR": "198.51.100.1"}
    assert client_ip(forged) == "203.0.113.9"
    proxied = {"REMOTE_ADDR": "10.1.2.3", "HTTP_X_FORWARDED_FOR": "198.51.100.1, 203.0.113.7, 10.4.4.4"}
    assert client_ip(proxied) == "203.0.113.7"  # the nearest hop the authority's proxies did not add
    settings.LANTERN_TRUSTED_PROXIES = []
    assert client_ip({"REMOTE_ADDR": "10.1.2.3", "HTTP_X_FORWARDED_FOR": "198.51.100.1"}) == "10.1.2.3"


def test_a_forged_forwarded_address_does_not_reach_the_audit_trail(client, social_worker, child):
    client.force_login(social_worker)
    client.get(f"/children/{child.pk}/", HTTP_X_FORWARDED_FOR="192.0.2.66", REMOTE_ADDR="203.0.113.9")
    assert AuditEvent.objects.filter(child_id=child.pk, action="view").latest("id").ip_address == "203.0.113.9"


# Finding 7 ------------------------------------------------------------------------------------------

def test_a_refusal_inside_a_service_survives_its_rollback(make_user, elsewhere):
    """Setting a restriction outside one's scope used to leave no trace."""
    manager = make_user(Role.TEAM_MANAGER)
    target = elsewhere[2]
    with pytest.raises(OutOfReach):
        restriction_set(actor=manager, child=target, is_restricted=True, named_users=[], reason="probe")
    assert AuditEvent.objects.filter(actor=manager, action="denied", child_id=target.pk).count() == 1


def test_a_refusal_survives_an_enclosing_services_rollback_too(make_user, elsewhere):
    manager = make_user(Role.TEAM_MANAGER)
    target = elsewhere[2]
    with pytest.raises(OutOfReach), atomic():  # a service calling another, both rolled back
        restriction_set(actor=manager, child=target, is_restricted=True, named_users=[], reason="probe")
    assert AuditEvent.objects.filter(actor=manager, action="denied", child_id=target.pk).count() == 1


def test_refusals_on_pages_and_the_api_are_recorded_once(client, make_user, elsewhere):
    manager = make_user(Role.TEAM_MANAGER)
    target = elsewhere[2]
    client.force_login(manager)
    assert client.post(f"/children/{target.pk}/restriction/", {"is_restricted": "on", "reason": "x"}).status_code == 404
    assert client.patch(f"/api/v1/children/{target.pk}", {"version": 1, "known_as": "x"},
                        content_type="application/json", **bearer(manager)).status_code == 404
    denied = AuditEvent.objects.filter(actor=manager, action="denied", child_id=target.pk)
    assert sorted(denied.values_list("via", flat=True)) == ["api", "web"]
