"""The chronology API's filters are checked like every other parameter."""

from lantern.accounts.models import ApiToken


def _bearer(user) -> dict:
    key = f"chronology-{user.pk}"
    ApiToken.objects.create(user=user, name="t", key_hash=ApiToken.hash_key(key), prefix=key[:8])
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_a_kind_with_a_nul_character_is_422_not_a_500(client, social_worker, child):
    """The kinds asked for are written to the audit trail, which PostgreSQL cannot give a NUL."""
    headers = _bearer(social_worker)
    url = f"/api/v1/children/{child.pk}/chronology"
    refused = client.get(f"{url}?kind=referral&kind=vis%00it", **headers)
    assert refused.status_code == 422 and list(refused.json()["errors"]) == ["kind.1"]
    assert client.get(f"{url}?kind=referral&kind=visit", **headers).status_code == 200


def test_the_kind_filter_is_in_the_openapi_document(client):
    parameters = client.get("/api/v1/openapi.json").json()["paths"]["/api/v1/children/{child_id}/chronology"]["get"]
    assert "kind" in {p["name"] for p in parameters["parameters"]}
