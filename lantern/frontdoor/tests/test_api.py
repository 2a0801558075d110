"""The front door API: the same services and checks as the pages, with 403, 409 and 422."""

import pytest

from lantern.accounts.models import ApiToken
from lantern.frontdoor.models import Contact
from lantern.frontdoor.testing import level, received_contact
from lantern.referrals.models import Episode


def _auth(user) -> dict:
    key = f"frontdoor-{user.pk}"
    ApiToken.objects.get_or_create(user=user, name="test", key_hash=ApiToken.hash_key(key), prefix=key[:8])
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


@pytest.fixture
def api(client):
    def call(method, path, user, body=None):
        return getattr(client, method)(f"/api/v1{path}", body, content_type="application/json", **_auth(user))
    return call


def test_a_screener_records_a_contact_then_decides_it(api, screener, child):
    body = {"source": "3A", "concern": "GP worried about weight loss.", "immediate_risk": False,
            "discussed_with_parents": True, "people": [{"first_name": "Amira", "last_name": "Testington"}]}
    created = api("post", "/frontdoor/contacts", screener, body)
    assert created.status_code == 201 and created.json()["reference"].startswith("FD")
    contact = Contact.objects.get(pk=created.json()["id"])
    from lantern.frontdoor.services import contact_person_link
    contact_person_link(actor=screener, contact=contact, expected_version=contact.version,
                        mention=contact.people.get(), person=child)
    contact.refresh_from_db()
    decision = {"version": contact.version, "outcome": "referral", "threshold_level_id": level("Child in need").pk,
                "rationale": "Needs an assessment.", "primary_need": "N2"}
    response = api("post", f"/frontdoor/contacts/{contact.pk}/decision", screener, decision)
    assert response.status_code == 201 and response.json()["status"] == "final"
    assert Episode.objects.filter(child=child, referral_source="3A").exists()
    assert api("post", f"/frontdoor/contacts/{contact.pk}/decision", screener, decision).status_code == 422


def test_missing_answers_are_422_with_field_errors(api, screener):
    response = api("post", "/frontdoor/contacts", screener, {"source": "99", "concern": "", "people": []})
    assert response.status_code == 422
    assert {"source", "children", "concern", "discussed_with_parents"} <= set(response.json()["errors"])


def test_a_stale_decision_is_409(api, screener, child):
    contact = received_contact(screener, child)
    body = {"version": contact.version - 1, "outcome": "nfa", "threshold_level_id": level("Universal").pk,
            "rationale": "x", "nfa_reason": "y"}
    assert api("post", f"/frontdoor/contacts/{contact.pk}/decision", screener, body).status_code == 409


def test_a_partner_sends_a_referral_and_reads_only_their_own(api, partner, screener):
    body = {"referrer_role": "School nurse", "referrer_phone": "0121 496 0001", "concern": "Self-harm disclosed.",
            "immediate_risk": True, "referrer_level_id": level("Child protection").pk,
            "discussed_with_parents": False, "not_discussed_reason": "risk",
            "people": [{"first_name": "Kayla", "last_name": "Smith"}]}
    sent = api("post", "/frontdoor/referrals", partner, body)
    assert sent.status_code == 201 and sent.json()["decision"] == ""
    assert [r["reference"] for r in api("get", "/frontdoor/referrals", partner).json()] == [sent.json()["reference"]]
    assert api("get", f"/frontdoor/contacts/{sent.json()['id']}", partner).status_code == 403
    assert api("get", "/frontdoor/referrals", screener).status_code == 403


def test_the_queue_lists_flags(api, screener, child):
    received_contact(screener, child, immediate_risk=True)
    rows = api("get", "/frontdoor/contacts", screener).json()
    assert rows[0]["flags"] == ["Immediate risk reported"] and rows[0]["due_state"] in ("due_today", "upcoming")


def test_notifications_come_back_row_by_row(api, police):
    rows = [{"police_reference": "WM/1", "incident_date": "2025-01-02", "victim_name": "A B", "address": "x",
             "children_in_household": "Y", "dash_risk": "high"},
            {"police_reference": "WM/2", "incident_date": "soon", "victim_name": "C D", "address": "y",
             "children_in_household": "Y", "dash_risk": "low"}]
    body = api("post", "/frontdoor/notifications", police, {"rows": rows}).json()
    assert body["received"] == 1 and body["refused_rows"] == 1
    assert {(e["row"], e["column"]) for e in body["errors"]} == {(2, "incident_date"), (2, "dash_risk")}
