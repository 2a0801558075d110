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
    response = api("post", f"/frontdoor/contacts/{contact.pk}/decisions", screener, decision)
    assert response.status_code == 201 and response.json()["status"] == "final"
    assert Episode.objects.filter(child=child, referral_source="3A").exists()
    assert api("post", f"/frontdoor/contacts/{contact.pk}/decisions", screener, decision).status_code == 422


def test_missing_answers_are_422_with_field_errors(api, screener):
    response = api("post", "/frontdoor/contacts", screener, {"source": "99", "concern": "", "people": []})
    assert response.status_code == 422
    assert {"source", "people", "concern", "discussed_with_parents"} <= set(response.json()["errors"])


def test_a_stale_decision_is_409(api, screener, child):
    contact = received_contact(screener, child)
    body = {"version": contact.version - 1, "outcome": "nfa", "threshold_level_id": level("Universal").pk,
            "rationale": "x", "nfa_reason": "y"}
    assert api("post", f"/frontdoor/contacts/{contact.pk}/decisions", screener, body).status_code == 409


def test_a_partner_sends_a_referral_and_reads_only_their_own(api, partner, screener):
    body = {"referrer_role": "School nurse", "referrer_phone": "0121 496 0001", "concern": "Self-harm disclosed.",
            "immediate_risk": True, "referrer_level_id": level("Child protection").pk,
            "discussed_with_parents": False, "not_discussed_reason": "risk",
            "people": [{"first_name": "Kayla", "last_name": "Smith"}]}
    sent = api("post", "/frontdoor/referrals", partner, body)
    assert sent.status_code == 201 and sent.json()["decision"] == ""
    listed = api("get", "/frontdoor/referrals", partner).json()["items"]
    assert [r["reference"] for r in listed] == [sent.json()["reference"]]
    assert api("get", f"/frontdoor/contacts/{sent.json()['id']}", partner).status_code == 403
    assert api("get", "/frontdoor/referrals", screener).status_code == 403


def test_the_queue_lists_flags(api, screener, child):
    received_contact(screener, child, immediate_risk=True)
    rows = api("get", "/frontdoor/contacts", screener).json()["items"]
    assert rows[0]["flags"] == ["Immediate risk reported"] and rows[0]["due_state"] in ("due_today", "upcoming")


def test_notifications_come_back_row_by_row(api, police):
    rows = [{"police_reference": "WM/1", "incident_date": "2025-01-02", "victim_name": "A B", "address": "x",
             "children_in_household": "Y", "dash_risk": "high"},
            {"police_reference": "WM/2", "incident_date": "soon", "victim_name": "C D", "address": "y",
             "children_in_household": "Y", "dash_risk": "low"}]
    body = api("post", "/frontdoor/notifications", police, {"rows": rows}).json()
    assert body["received"] == 1 and body["refused_rows"] == 1
    assert {(e["row"], e["column"]) for e in body["errors"]} == {(2, "incident_date"), (2, "dash_risk")}


CONTACT = {"source": "3A", "concern": "GP worried about weight loss.", "immediate_risk": False,
           "discussed_with_parents": True, "people": [{"first_name": "Amira", "last_name": "Testington"}]}


def test_a_received_at_without_a_time_zone_offset_is_422(api, screener):
    """Found by a hostile-insider probe: a naive received_at was a 500."""
    response = api("post", "/frontdoor/contacts", screener, {**CONTACT, "received_at": "2025-03-27T09:30:00"})
    assert response.status_code == 422 and list(response.json()["errors"]) == ["received_at"]
    assert not Contact.objects.exists()
    with_offset = api("post", "/frontdoor/contacts", screener, {**CONTACT, "received_at": "2025-03-27T09:30:00+00:00"})
    assert with_offset.status_code == 201


def test_an_unknown_field_inside_a_contacts_person_is_422_naming_it(api, screener, child):
    """Found by a hostile-insider probe: person_id was silently ignored."""
    person = {**CONTACT["people"][0], "person_id": child.pk}
    response = api("post", "/frontdoor/contacts", screener, {**CONTACT, "people": [person]})
    assert response.status_code == 422
    assert response.json()["errors"] == {"people.0.person_id": ["Not a field of this request"]}


def test_a_nul_character_in_a_referral_or_notification_is_422_naming_the_field(api, screener, partner):
    body = {"concern": "Self-harm\u0000 disclosed.", "discussed_with_parents": True,
            "people": [{"first_name": "Kayla", "last_name": "Smith"}]}
    referral = api("post", "/frontdoor/referrals", partner, body)
    assert referral.status_code == 422 and list(referral.json()["errors"]) == ["concern"]
    rows = api("post", "/frontdoor/notifications", screener, {"rows": [{"police_reference": "PR/1\u0000"}]})
    assert rows.status_code == 422 and list(rows.json()["errors"]) == ["rows.0.police_reference"]
