"""The API: the same services and refusals as the pages, with 422 for bad input, 403 for the wrong
person and 409 for a stale save."""

import pytest

from lantern.accounts.models import ApiToken
from lantern.accounts.roles import Role
from lantern.testing.factories import InvolvementFactory

from .factories import everyone_present, open_episode, plan_for_child, working_days_ago

pytestmark = pytest.mark.django_db


def _headers(user) -> dict:
    key = f"protection-{user.pk}"
    ApiToken.objects.get_or_create(user=user, name="test", key_hash=ApiToken.hash_key(key), prefix=key[:8])
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_a_strategy_discussion_through_the_api(client, social_worker, child):
    episode = open_episode(social_worker, child)
    headers = _headers(social_worker)
    body = {"held_on": working_days_ago(1).isoformat(), "held_at": "10:00", "kind": "meeting",
            "concerns": "Disclosure to the school nurse.", "participants": everyone_present(social_worker)[:2],
            "referrer_agency": "health", "decision": "s47_single", "decision_rationale": "Clear disclosure of harm.",
            "lead_worker_id": social_worker.pk}
    refused = client.post(f"/api/v1/episodes/{episode.pk}/strategy-discussions", body,
                          content_type="application/json", **headers)
    assert refused.status_code == 422 and "health_absent_reason" in refused.json()["errors"]
    body["health_absent_reason"] = "The nurse who heard it was in clinic; she sent a written account"
    created = client.post(f"/api/v1/episodes/{episode.pk}/strategy-discussions", body,
                          content_type="application/json", **headers)
    assert created.status_code == 201
    enquiry_id = created.json()["enquiry_id"]
    enquiry = client.get(f"/api/v1/enquiries/{enquiry_id}", **headers).json()
    assert enquiry["icpc_target"] > enquiry["start_date"] and enquiry["lead_worker_id"] == social_worker.pk


def test_partners_read_only_their_conference_and_the_chair_decides_with_a_stale_check(client, social_worker, manager,
                                                                                     chair, child, make_user):
    partner, outsider = make_user(Role.PARTNER_PRACTITIONER), make_user(Role.PARTNER_PRACTITIONER)
    InvolvementFactory(child=child, agency=partner.agency, practitioner=partner)
    plan = plan_for_child(social_worker, manager, chair, child)
    InvolvementFactory(child=child, agency=outsider.agency, practitioner=outsider)
    assert client.get(f"/api/v1/cp-plans/{plan.pk}", **_headers(partner)).status_code == 200
    # Involved with the child but not in the core group: the plan is out of reach, so not found.
    assert client.get(f"/api/v1/cp-plans/{plan.pk}", **_headers(outsider)).status_code == 404
    listing = client.get(f"/api/v1/children/{child.pk}/protection", **_headers(partner)).json()
    assert listing["plans"] == [plan.pk] and listing["enquiries"] == []
    chair_headers = _headers(chair)
    review = client.post(f"/api/v1/cp-plans/{plan.pk}/conferences", {
        "conference_date": working_days_ago(1).isoformat(), "chair_id": chair.pk}, content_type="application/json",
        **chair_headers)
    assert review.status_code == 201
    conference = review.json()
    decision = {"version": conference["version"] - 1, "attendance": {i["id"]: True for i in conference["invitations"]},
                "parents_participation": "views", "child_participation": "worker", "advocacy_offered": True,
                "decision": "continue", "decision_rationale": "Not yet safe: the home conditions slipped again in May.",
                "category": "NEG", "late_reason": "Recorded the next morning",
                "progress": {a.pk: {"status": "off_track", "note": "Dad missed 3 sessions"}
                             for a in plan.actions.all()}}
    stale = client.post(f"/api/v1/conferences/{conference['id']}/decision", decision,
                        content_type="application/json", **chair_headers)
    assert stale.status_code == 409
    decision["version"] = conference["version"]
    done = client.post(f"/api/v1/conferences/{conference['id']}/decision", decision,
                       content_type="application/json", **chair_headers)
    assert done.status_code == 200 and done.json()["decision"] == "continue"
