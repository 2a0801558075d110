"""GET /api/v1/me: who a token belongs to and what the access policy lets them do."""

from lantern.access.permissions import PERMISSIONS
from lantern.accounts.roles import Role, TeamKind
from lantern.audit_log.models import AuditEvent
from lantern.testing.api import bearer
from lantern.testing.factories import TeamFactory


def test_me_names_the_person_their_team_service_permissions_and_scope(client, social_worker):
    body = client.get("/api/v1/me", **bearer(social_worker)).json()
    assert body["id"] == social_worker.pk and body["name"] == social_worker.get_full_name()
    assert body["role"] == Role.SOCIAL_WORKER and body["role_label"] == "Social worker"
    assert body["team"] == {"id": social_worker.team_id, "name": social_worker.team.name}
    assert body["service"]["name"] == social_worker.team.service.name and body["agency"] is None
    assert body["permissions"] == sorted(p for p, roles in PERMISSIONS.items() if Role.SOCIAL_WORKER in roles)
    assert "child.create" in body["permissions"] and "break_glass.review" not in body["permissions"]
    assert body["scope"] == "team" and "identifiers" in body["sections"]
    assert not AuditEvent.objects.filter(actor=social_worker).exists()  # nothing about any child was read


def test_a_partner_has_an_agency_and_reaches_only_their_own_work(client, make_user):
    partner = make_user(Role.PARTNER_PRACTITIONER)
    body = client.get("/api/v1/me", **bearer(partner)).json()
    assert body["agency"] == {"id": partner.agency_id, "name": partner.agency.name}
    assert body["scope"] == "involvement" and "identifiers" not in body["sections"]


def test_the_front_door_reaches_the_whole_authority(client, make_user, service):
    screener = make_user(Role.FRONT_DOOR_SCREENER, team=TeamFactory(service=service, kind=TeamKind.FRONT_DOOR))
    assert client.get("/api/v1/me", **bearer(screener)).json()["scope"] == "authority"


def test_without_a_token_there_is_nobody(client):
    assert client.get("/api/v1/me").status_code == 401
