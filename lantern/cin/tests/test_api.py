"""The whole journey through the API: the same services, policy and audit trail as the pages."""

import pytest

from lantern.accounts.models import ApiToken
from lantern.audit_log.models import AuditEvent
from lantern.referrals.tests.factories import ANSWERS, add_father, manager_for


def _auth(user) -> dict:
    key = f"journey-token-{user.pk}"
    ApiToken.objects.get_or_create(user=user, name="test", key_hash=ApiToken.hash_key(key), prefix=key[:8])
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


@pytest.fixture
def api(client):
    def call(user, method, path, body=None):
        response = getattr(client, method)(f"/api/v1{path}", body, content_type="application/json", **_auth(user))
        return response.status_code, response.json()
    return call


def test_referral_to_closure_through_the_api(api, child, social_worker, team):
    manager = manager_for(team)
    father = add_father(social_worker, child)
    status, episode = api(social_worker, "post", f"/children/{child.pk}/episodes",
                          {"referral_date": "2025-03-03", "referral_source": "2A", "primary_need": "N1"})
    assert status == 201
    status, body = api(social_worker, "post", f"/children/{child.pk}/episodes",
                       {"referral_date": "2025-03-04", "referral_source": "2A", "primary_need": "N1"})
    assert status == 422 and "already has an open episode" in body["errors"]["referral_date"][0]
    status, a = api(social_worker, "post", f"/episodes/{episode['id']}/assessments", {"started_on": "2025-03-04"})
    assert status == 201 and a["kind"] == "single" and not any(s["complete"] for s in a["sections"])
    answers = {**ANSWERS, "family": {"engagements": {father.relative_id: {"engaged": True}}}}
    for section, data in answers.items():
        payload = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in data.items()}
        status, a = api(social_worker, "put", f"/assessments/{a['id']}/sections/{section}",
                        {"version": a["version"], **payload})
        assert status == 200, (section, a)
    status, stale = api(social_worker, "put", f"/assessments/{a['id']}/sections/views",
                        {"version": 1, "child_views": "x"})
    assert status == 409
    status, a = api(social_worker, "post", f"/assessments/{a['id']}/submit", {"version": a["version"]})
    assert a["status"] == "submitted"
    status, body = api(social_worker, "post", f"/assessments/{a['id']}/authorisation",
                       {"version": a["version"], "authorise": True, "authorised_on": "2025-04-10",
                        "rationale": "I am the author."})
    assert status == 403
    status, a = api(manager, "post", f"/assessments/{a['id']}/authorisation",
                    {"version": a["version"], "authorise": True, "authorised_on": "2025-04-10",
                     "rationale": "Clear analysis, father involved."})
    assert status == 200 and a["authorised_on"] == "2025-04-10"
    status, body = api(social_worker, "post", f"/assessments/{a['id']}/cin-plans", {
        "start_date": "2025-04-17", "outcomes": "Calmer home.", "actions": [{"what": "Course", "due_date": "2025-07-01",
                                                                            "success_measure": "Calmer bedtimes"}]})
    # The service's key is the request's own field path: the first action's owner.
    assert status == 422 and "owner" in body["errors"]["actions.0.owner"][0]
    status, plan = api(social_worker, "post", f"/assessments/{a['id']}/cin-plans", {
        "start_date": "2025-04-17", "outcomes": "Calmer home.", "actions": [{
            "what": "Course", "owner": "Family Support Service", "due_date": "2025-07-01",
            "success_measure": "Calmer bedtimes"}]})
    assert status == 201
    action_id = plan["actions"][0]["id"]
    status, review = api(social_worker, "post", f"/cin-plans/{plan['id']}/cin-reviews", {
        "review_date": "2025-07-10", "child_views": "'Better'", "progress_summary": "Calmer.",
        "progress": {action_id: {"status": "achieved"}}})
    assert status == 201 and review["progress"] == [{"action_id": action_id, "status": "achieved", "note": ""}]
    assert api(social_worker, "get", f"/cin-reviews/{review['id']}")[1]["id"] == review["id"]
    status, visit = api(social_worker, "post", f"/episodes/{episode['id']}/visits", {
        "visit_date": "2025-05-09", "child_seen": True, "seen_alone": True, "observations": "Calm home."})
    assert status == 201
    assert api(social_worker, "get", f"/visits/{visit['id']}")[1]["observations"] == "Calm home."
    status, closure = api(social_worker, "post", f"/episodes/{episode['id']}/closures", {
        "kind": "close", "closure_date": "2025-09-01", "reason": "RC7",
        "risk_evaluation": "Low: plan achieved, school and GP have no concerns."})
    assert status == 201
    status, closure = api(manager, "post", f"/closures/{closure['id']}/decision",
                          {"approve": True, "rationale": "Plan achieved; risk low."})
    assert closure["status"] == "approved"
    status, episode = api(social_worker, "get", f"/episodes/{episode['id']}")
    assert episode["closure_reason"] == "RC7" and episode["closure_date"] == "2025-09-01"
    status, page = api(social_worker, "get", f"/children/{child.pk}/chronology?kind=visit&kind=closure")
    events = page["items"]
    assert [e["kind"] for e in events] == ["closure", "visit"] and page["next"] is None
    status, marked = api(social_worker, "post", f"/children/{child.pk}/chronology/significance",
                         {"key": events[0]["key"], "significant": True, "note": "Closed after the plan",
                          "version": events[0]["version"]})
    assert status == 200 and marked["note"] == "Closed after the plan" and marked["significant"]
    assert AuditEvent.objects.filter(via="api", child_id=child.pk).count() > 20
