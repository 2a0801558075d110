"""A refusal names the field the request sent: through the API, under the request's own field path;
on the page, next to the form's own field for it."""

import pytest

from lantern.accounts.roles import Qualification, Role
from lantern.testing.api import bearer
from lantern.testing.factories import AgencyFactory, UserFactory

from .factories import arranged, concluded_enquiry, everyone_present, open_episode, plan_for_child, strategy
from .factories import working_days_ago as ago

pytestmark = pytest.mark.django_db


def _date(prefix: str, day) -> dict:
    return {f"{prefix}_0": day.day, f"{prefix}_1": day.month, f"{prefix}_2": day.year}


@pytest.fixture
def api(client):
    def errors(path: str, user, body: dict) -> dict:
        response = client.post(f"/api/v1{path}", body, content_type="application/json", **bearer(user))
        assert response.status_code == 422, response.content
        return response.json()["errors"]
    return errors


@pytest.fixture
def page(client):
    def errors(path: str, user, data: dict) -> dict:
        client.force_login(user)
        response = client.post(path, data)
        assert response.status_code == 200, response.get("Location")
        return response.context["form"].errors
    return errors


@pytest.fixture
def unqualified(team):
    return UserFactory(role=Role.SOCIAL_WORKER, team=team, qualification=Qualification.UNQUALIFIED,
                       swe_registration="")


def test_strategy_participants_lead_and_actions(api, page, social_worker, unqualified, child):
    episode = open_episode(social_worker, child)
    people = everyone_present(social_worker)
    body = {"held_on": ago(1).isoformat(), "held_at": "10:00", "kind": "meeting", "concerns": "Bruising seen.",
            "participants": [people[0], {**people[1], "information_shared": ""}], "decision": "s47_single",
            "decision_rationale": "Reasonable cause to suspect harm.", "lead_worker_id": unqualified.pk,
            "health_absent_reason": "On leave", "actions": [{"what": "Police checks", "owner": ""}]}
    errors = api(f"/episodes/{episode.pk}/strategy-discussions", social_worker, body)
    assert {"participants.1.information_shared", "lead_worker_id", "actions.0.owner"} <= set(errors)
    without_csc = api(f"/episodes/{episode.pk}/strategy-discussions", social_worker,
                      {**body, "participants": people[1:2]})
    assert "participants" in without_csc
    form = page(f"/children/{child.pk}/episodes/{episode.pk}/strategy/new/", social_worker, {
        **_date("held_on", ago(1)), "held_at": "10:00", "kind": "meeting", "concerns": "Bruising seen.",
        "police_took_part": "on", "police_name": "DC Morgan", "decision": "s47_single",
        "decision_rationale": "Reasonable cause to suspect harm.", "lead_worker": unqualified.pk,
        "action_2_what": "Police checks"})
    assert {"police_information", "csc_name", "lead_worker", "action_2_owner"} <= set(form)


def test_the_enquiry_lead_the_visitor_and_the_outcome(api, page, social_worker, manager, unqualified, child):
    enquiry = strategy(social_worker, open_episode(social_worker, child)).enquiry
    base = f"/children/{child.pk}/protection/enquiries/{enquiry.pk}"
    assert "lead_worker_id" in api(f"/enquiries/{enquiry.pk}/lead", manager,
                                   {"lead_worker_id": unqualified.pk, "version": enquiry.version})
    assert "lead_worker" in page(f"{base}/lead/", manager, {"lead_worker": unqualified.pk, "version": enquiry.version})
    visit = {"visit_date": ago(0).isoformat(), "visit_time": "18:00", "child_seen": True, "seen_alone": True,
             "notes": "Seen at home."}
    assert "visited_by_id" in api(f"/enquiries/{enquiry.pk}/enquiry-visits", social_worker,
                                  {**visit, "visited_by_id": unqualified.pk})
    assert "visited_by" in page(f"{base}/visits/new/", social_worker, {
        **_date("visit_date", ago(0)), "visit_time": "18:00", "visited_by": unqualified.pk, "child_seen": "yes",
        "seen_alone": "yes", "notes": "Seen at home."})
    outcome = {"outcome": "nfa", "outcome_rationale": "Too short", "completed_on": ago(0).isoformat(),
               "version": enquiry.version}
    assert "outcome_rationale" in api(f"/enquiries/{enquiry.pk}/outcome", manager, outcome)
    assert "outcome_rationale" in page(f"{base}/outcome/", manager, {
        "outcome": "nfa", "outcome_rationale": "Too short", **_date("completed_on", ago(0)),
        "version": enquiry.version})


def test_the_chair_the_report_and_the_decision(api, page, social_worker, manager, chair, child):
    discussion = strategy(social_worker, open_episode(social_worker, child, ago(40)), held_on=ago(30))
    enquiry = concluded_enquiry(social_worker, manager, discussion)
    assert "chair_id" in api(f"/enquiries/{enquiry.pk}/conferences", social_worker,
                             {"conference_date": ago(-5).isoformat(), "chair_id": manager.pk, "late_reason": "x"})
    assert "chair" in page(f"/children/{child.pk}/protection/enquiries/{enquiry.pk}/conference/new/", social_worker,
                           {**_date("conference_date", ago(-5)), "late_reason": "x"})
    conference = arranged(social_worker, chair, enquiry=enquiry, on=ago(1))
    report = {"social_work_report": "Short.", "version": conference.version}
    assert "social_work_report" in api(f"/conferences/{conference.pk}/report", social_worker, report)
    decision = {"version": conference.version, "attendance": {i.pk: True for i in conference.invitations.all()},
                "parents_participation": "attended", "child_participation": "worker", "advocacy_offered": True,
                "decision": "plan", "decision_rationale": "Too short", "category": "NEG",
                "outline_plan": "Father stops physical chastisement; home conditions improve.",
                "first_action": {"what": "Caring Dads", "due_date": ago(-20).isoformat(),
                                 "success_measure": "He can say what he does instead"}}
    assert {"decision_rationale", "first_action.owner"} <= set(api(f"/conferences/{conference.pk}/decision", chair,
                                                                   decision))
    form = page(f"/children/{child.pk}/protection/conferences/{conference.pk}/decision/", chair, {
        "version": conference.version, **{f"attended_{i.pk}": "yes" for i in conference.invitations.all()},
        "parents_participation": "attended", "child_participation": "worker", "advocacy_offered": "yes",
        "decision": "plan", "decision_rationale": "Too short", "category": "NEG",
        "outline_plan": "Father stops physical chastisement; home conditions improve.", "what": "Caring Dads",
        **_date("due_date", ago(-20)), "success_measure": "He can say what he does instead"})
    assert {"decision_rationale", "owner"} <= set(form)


def test_progress_on_each_action_members_and_attendance(api, page, social_worker, manager, chair, child):
    plan = plan_for_child(social_worker, manager, chair, child)
    action = plan.actions.get()
    review = arranged(social_worker, chair, plan=plan, on=ago(1))
    decision = {"version": review.version, "attendance": {i.pk: True for i in review.invitations.all()},
                "parents_participation": "attended", "child_participation": "worker", "advocacy_offered": True,
                "decision": "continue", "decision_rationale": "Progress is real but not yet sustained.",
                "category": "NEG", "progress": {action.pk: {"status": "off_track"}}}
    assert f"progress.{action.pk}.note" in api(f"/conferences/{review.pk}/decision", chair, decision)
    form = page(f"/children/{child.pk}/protection/conferences/{review.pk}/decision/", chair, {
        "version": review.version, **{f"attended_{i.pk}": "yes" for i in review.invitations.all()},
        "parents_participation": "attended", "child_participation": "worker", "advocacy_offered": "yes",
        "decision": "continue", "decision_rationale": "Progress is real but not yet sustained.", "category": "NEG",
        f"status_{action.pk}": "off_track"})
    assert f"note_{action.pk}" in form
    police = AgencyFactory(kind="police")
    assert "agency_id" in api(f"/cp-plans/{plan.pk}/members", social_worker,
                              {"agency_kind": "health", "agency_id": police.pk, "name": "Nurse Okoro"})
    assert "agency" in page(f"/children/{child.pk}/protection/plans/{plan.pk}/members/new/", social_worker,
                            {"agency_kind": "health", "agency": police.pk, "name": "Nurse Okoro"})
    assert "attendees" in page(f"/children/{child.pk}/protection/plans/{plan.pk}/core-groups/new/", social_worker, {
        **_date("held_on", ago(0)), "summary": "Dad engaging well with the programme.",
        f"status_{action.pk}": "on_track", "late_reason": "x"})
