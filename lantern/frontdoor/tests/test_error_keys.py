"""A front door refusal names the field the request sent: through the API, under the request's own
field path (``people.1.first_name``, ``agency_id``); on the page, next to the form's own field."""

from django.utils import timezone

from lantern.frontdoor.codes import PersonRole
from lantern.frontdoor.testing import CONCERN, level, received_contact
from lantern.testing.api import bearer
from lantern.testing.factories import ChildFactory


def _errors(client, path: str, user, body: dict) -> dict:
    response = client.post(f"/api/v1{path}", body, content_type="application/json", **bearer(user))
    assert response.status_code == 422, response.content
    return response.json()["errors"]


def _page(client, path: str, user, data: dict) -> dict:
    client.force_login(user)
    response = client.post(path, data)
    assert response.status_code == 200, response.get("Location")
    return response.context["form"].errors


def test_each_person_on_a_contact_or_referral_is_named_by_their_place(client, screener, partner):
    people = [{"first_name": "Amira", "last_name": "Testington"}, {"role": "adult", "first_name": "",
                                                                   "last_name": "Testington"}]
    contact = {**CONCERN, "people": people}
    assert list(_errors(client, "/frontdoor/contacts", screener, contact)) == ["people.1.first_name"]
    referral = {"referrer_role": "Teacher", "referrer_phone": "0121 496 0000", "concern": "Hungry at school.",
                "immediate_risk": False, "discussed_with_parents": True, "people": [{"first_name": "",
                                                                                     "last_name": "Smith"}]}
    assert set(_errors(client, "/frontdoor/referrals", partner, referral)) == {"people.0.first_name",
                                                                               "referrer_level_id"}
    no_child = _errors(client, "/frontdoor/contacts", screener, {**contact, "people": people[1:]})
    assert "people" in no_child


def test_an_agency_check_without_an_agency(client, screener, child):
    contact = received_contact(screener, child)
    body = {"asked_on": str(timezone.localdate()), "response": "Known to school: no worries."}
    assert list(_errors(client, f"/frontdoor/contacts/{contact.pk}/agency-checks", screener, body)) == ["agency_id"]
    day = timezone.localdate()
    form = _page(client, f"/front-door/contacts/{contact.pk}/agency-checks/new/", screener, {
        "asked_on_0": day.day, "asked_on_1": day.month, "asked_on_2": day.year, "response": "Known to school."})
    assert list(form) == ["agency"]


def test_matching_an_adult_to_someone_who_is_no_relative_and_deciding_without_a_level(client, screener, child):
    contact = received_contact(screener, child, adult=True)
    adult = contact.people.get(role=PersonRole.ADULT)
    stranger = ChildFactory()
    body = {"person_id": stranger.pk, "version": contact.version}
    path = f"/frontdoor/contacts/{contact.pk}/people/{adult.pk}/match"
    assert list(_errors(client, path, screener, body)) == ["person_id"]
    form = _page(client, f"/front-door/contacts/{contact.pk}/people/{adult.pk}/match/", screener,
                 {"person": stranger.pk, "version": contact.version})
    assert list(form) == ["person"]
    retired = level("Universal")
    retired.is_active = False
    retired.save()
    decision = {"version": contact.version, "outcome": "nfa", "threshold_level_id": retired.pk,
                "rationale": "Checked records.", "nfa_reason": "Supported by school."}
    assert "threshold_level_id" in _errors(client, f"/frontdoor/contacts/{contact.pk}/decisions", screener, decision)
