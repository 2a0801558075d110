from datetime import date

import pytest

from lantern.accounts.models import ApiToken
from lantern.accounts.roles import Role
from lantern.audit_log.models import AuditEvent
from lantern.people.models import Person
from lantern.testing.factories import InvolvementFactory, synthetic_nhs_number


def bearer(user) -> dict:
    key = f"key-{user.pk}-{user.role}"
    ApiToken.objects.get_or_create(user=user, name="test", key_hash=ApiToken.hash_key(key), prefix=key[:8])
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


NEW_CHILD = {"first_name": "Oliwia", "last_name": "Marlowe", "date_of_birth": "2017-09-02", "sex": "F",
             "ethnicity": "WOTH", "disabilities": ["NONE"]}


def test_openapi_document_is_published(client):
    document = client.get("/api/v1/openapi.json").json()
    assert document["info"]["title"] == "Lantern API"
    assert "/api/v1/children/{child_id}" in document["paths"]


def test_a_revoked_or_unknown_token_is_refused(client, social_worker, child):
    headers = bearer(social_worker)
    ApiToken.objects.update(revoked_at="2026-01-01T00:00:00Z")
    assert client.get(f"/api/v1/children/{child.pk}", **headers).status_code == 401
    assert client.get(f"/api/v1/children/{child.pk}", HTTP_AUTHORIZATION="Bearer nonsense").status_code == 401


def test_create_read_and_audit_through_the_api(client, social_worker):
    headers = bearer(social_worker)
    response = client.post("/api/v1/children", NEW_CHILD, content_type="application/json", **headers)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["lantern_id"].startswith("LN") and body["disabilities"] == ["NONE"]
    detail = client.get(f"/api/v1/children/{body['id']}", **headers).json()
    assert detail["first_name"] == "Oliwia"
    vias = set(AuditEvent.objects.filter(child_id=body["id"]).values_list("via", "action"))
    assert vias == {("api", "create"), ("api", "view")}


def test_likely_duplicates_are_returned_before_creating(client, social_worker):
    headers = bearer(social_worker)
    client.post("/api/v1/children", NEW_CHILD, content_type="application/json", **headers)
    again = client.post("/api/v1/children", {**NEW_CHILD, "first_name": "Oliwja"},
                        content_type="application/json", **headers)
    assert again.status_code == 409
    assert [d["last_name"] for d in again.json()["duplicates"]] == ["Marlowe"]
    confirmed = client.post("/api/v1/children", {**NEW_CHILD, "first_name": "Oliwja", "confirm_not_duplicate": True},
                            content_type="application/json", **headers)
    assert confirmed.status_code == 201
    assert Person.objects.filter(last_name="Marlowe").count() == 2


def test_invalid_input_is_explained_field_by_field_and_nothing_saved(client, social_worker):
    response = client.post("/api/v1/children", {**NEW_CHILD, "nhs_number": "9990000017"},
                           content_type="application/json", **bearer(social_worker))
    assert response.status_code == 422
    assert "nhs_number" in response.json()["errors"]
    assert not Person.objects.exists()


def test_stale_version_is_refused_with_409(client, social_worker, child):
    headers = bearer(social_worker)
    version = client.get(f"/api/v1/children/{child.pk}", **headers).json()["version"]
    first = client.patch(f"/api/v1/children/{child.pk}", {"version": version, "nhs_number": synthetic_nhs_number(3)},
                         content_type="application/json", **headers)
    assert first.status_code == 200 and first.json()["version"] == version + 1
    stale = client.patch(f"/api/v1/children/{child.pk}", {"version": version, "first_language": "Urdu"},
                         content_type="application/json", **headers)
    assert stale.status_code == 409
    child.refresh_from_db()
    assert child.first_language == "" and child.nhs_number == synthetic_nhs_number(3)


def test_partner_sees_only_shared_fields(client, child, make_user):
    partner = make_user(Role.PARTNER_PRACTITIONER)
    InvolvementFactory(child=child, agency=partner.agency, practitioner=partner)
    child.nhs_number = synthetic_nhs_number(9)
    child.save()
    body = client.get(f"/api/v1/children/{child.pk}", **bearer(partner)).json()
    assert body["first_name"] == child.first_name
    assert body["nhs_number"] is None and body["ethnicity"] is None


def test_family_address_allocation_and_professionals_round_trip(client, social_worker, child, other_team):
    headers = bearer(social_worker)
    url = f"/api/v1/children/{child.pk}"
    made = client.post(f"{url}/family-members", {"relationship_type": "mothers_partner", "lives_with_child": True,
                                                 "first_name": "Craig", "last_name": "Hollins", "sex": "M"},
                       content_type="application/json", **headers)
    assert made.status_code == 201 and made.json()["relationship_type"] == "mothers_partner"
    moved = client.post(f"{url}/addresses", {"line_1": "2 Wharf Street", "town": "Brindleford", "postcode": "LZ2 4QT",
                                             "moved_in": str(date(2025, 1, 6))},
                        content_type="application/json", **headers)
    assert moved.status_code == 201
    agency = InvolvementFactory(child=child).agency
    added = client.post(f"{url}/professionals", {"agency_id": agency.pk, "role": "Health visitor",
                                                 "practitioner_name": "K. Osei", "start_date": "2025-02-01"},
                        content_type="application/json", **headers)
    assert added.status_code == 201
    assert len(client.get(f"{url}/relationships", **headers).json()["items"]) == 1
    assert client.get(f"{url}/addresses", **headers).json()["items"][0]["postcode"] == "LZ2 4QT"
    moved_team = client.post(f"{url}/allocations", {"team_id": other_team.pk, "worker_id": social_worker.pk,
                                                    "start_date": str(date.today())},
                             content_type="application/json", **headers)
    assert moved_team.status_code == 422  # the worker is not in that team
    moved_team = client.post(f"{url}/allocations", {"team_id": other_team.pk, "start_date": str(date.today())},
                             content_type="application/json", **headers)
    assert moved_team.status_code == 201
    # The child has left the worker's team and caseload, so the worker no longer reaches the record:
    # it is answered as not found, like a record that does not exist.
    assert client.get(f"{url}/allocations", **headers).status_code == 404


@pytest.mark.parametrize("payload,fields", [({"first_name": ""}, {"first_name"}),
                                            ({"date_of_birth": "2017-13-40"}, {"date_of_birth"}),
                                            ({}, {"first_name", "last_name"})])
def test_malformed_payloads_are_422_not_500(client, social_worker, payload, fields):
    response = client.post("/api/v1/children", {**NEW_CHILD, **payload} if payload else {},
                           content_type="application/json", **bearer(social_worker))
    assert response.status_code == 422
    body = response.json()
    assert set(body) == {"detail", "errors"} and isinstance(body["detail"], str)
    assert set(body["errors"]) == fields


def test_patch_with_null_for_a_field_without_null_is_422_naming_it(client, social_worker, child):
    """Found by a hostile-insider probe: null for middle_names was a 500."""
    headers = bearer(social_worker)
    response = client.patch(f"/api/v1/children/{child.pk}", {"version": child.version, "middle_names": None},
                            content_type="application/json", **headers)
    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"middle_names"}
    # Null still empties a field whose column allows it; leaving a field out still keeps it.
    emptied = client.patch(f"/api/v1/children/{child.pk}",
                           {"version": child.version, "expected_date_of_birth": None, "known_as": "Ami"},
                           content_type="application/json", **headers)
    assert emptied.status_code == 200, emptied.content
    assert emptied.json()["expected_date_of_birth"] is None and emptied.json()["first_name"] == child.first_name


def test_the_openapi_document_shows_not_null_patch_fields_without_null(client):
    fields = client.get("/api/v1/openapi.json").json()["components"]["schemas"]["ChildPatch"]["properties"]
    assert fields["middle_names"] == {"title": "Middle Names", "type": "string"}
    assert {"type": "null"} in fields["date_of_birth"]["anyOf"]


@pytest.mark.parametrize("field,value", [("first_name", "Oli\u0000wia"), ("disabilities", ["NONE", "\u0000"]),
                                         ("nhs_number", "\u0000")])
def test_a_nul_character_in_any_text_is_422_naming_the_field(client, social_worker, field, value):
    """Found by a hostile-insider probe: NUL reached PostgreSQL, which cannot store it (a 500)."""
    response = client.post("/api/v1/children", {**NEW_CHILD, field: value}, content_type="application/json",
                           **bearer(social_worker))
    assert response.status_code == 422
    expected = "disabilities.1" if field == "disabilities" else field
    assert list(response.json()["errors"]) == [expected]
    assert not Person.objects.exists()


@pytest.mark.parametrize("day", ["0209-03-05", "1899-12-31", "2101-01-01", "9999-12-31"])
def test_a_date_of_birth_outside_1900_to_2100_is_422(client, social_worker, day):
    """Found by a hostile-insider probe: a date of birth in the year 209 was a 500."""
    response = client.post("/api/v1/children", {**NEW_CHILD, "date_of_birth": day}, content_type="application/json",
                           **bearer(social_worker))
    assert response.status_code == 422
    assert response.json()["errors"] == {"date_of_birth": ["Must be a date between 1900-01-01 and 2100-12-31"]}


def test_unknown_fields_are_422_naming_them(client, social_worker, child):
    headers = bearer(social_worker)
    created = client.post("/api/v1/children", {**NEW_CHILD, "is_restricted": True}, content_type="application/json",
                          **headers)
    assert created.status_code == 422 and created.json()["errors"] == {"is_restricted": ["Not a field of this request"]}
    family = client.post(f"/api/v1/children/{child.pk}/family-members",
                         {"relationship_type": "father", "first_name": "Craig", "last_name": "Hollins",
                          "nhs_number": "9990000000"},
                         content_type="application/json", **headers)
    assert family.status_code == 422 and list(family.json()["errors"]) == ["nhs_number"]


def test_search_text_with_a_nul_character_is_422(client, social_worker):
    response = client.get("/api/v1/children?q=Oli%00wia", **bearer(social_worker))
    assert response.status_code == 422 and list(response.json()["errors"]) == ["q"]
