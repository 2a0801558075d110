"""The pages: GOV.UK errors with nothing saved, saves through the services, and the chair's list in
a fixed number of queries."""

import re

import pytest

from lantern.accounts.roles import Role

from ..models import Conference, CpVisit, StrategyDiscussion
from .factories import arranged, open_episode, plan_for_child, working_days_ago

pytestmark = pytest.mark.django_db


def _date(prefix: str, day) -> dict:
    return {f"{prefix}_0": day.day, f"{prefix}_1": day.month, f"{prefix}_2": day.year}


def test_the_strategy_form_shows_errors_and_saves_nothing_then_records(client, social_worker, child):
    episode = open_episode(social_worker, child)
    url = f"/children/{child.pk}/episodes/{episode.pk}/strategy/new/"
    client.force_login(social_worker)
    page = client.get(url).content.decode()
    assert 'name="police_took_part"' in page and "Record a strategy discussion" in page
    response = client.post(url, {"csc_took_part": "on", "csc_name": "Sam", **_date("held_on", working_days_ago(1))})
    body = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in body
    assert "Police did not take part: say why" in body and "Record what Children&#x27;s social care shared" in body
    assert not StrategyDiscussion.objects.exists()
    data = {**_date("held_on", working_days_ago(1)), "held_at": "09:15", "kind": "call",
            "concerns": "Bruise to the face seen at school.", "referrer_agency": "education",
            "csc_took_part": "on", "csc_name": "Sam Okafor", "csc_information": "Open to CIN since March.",
            "police_took_part": "on", "police_name": "DC Morgan", "police_information": "Domestic call-out Friday.",
            "health_absent_reason": "Health visitor on leave; no cover answered",
            "referrer_absent_reason": "Head teacher in a meeting; sent an email",
            "decision": "s47_joint", "decision_rationale": "Injury to a non-mobile area; joint investigation.",
            "lead_worker": social_worker.pk, "police_contact": "DC Morgan, CAIT",
            "action_1_what": "Child protection medical", "action_1_owner": "Dr Hughes",
            **_date("action_1_due_date", working_days_ago(0))}
    response = client.post(url, data)
    discussion = StrategyDiscussion.objects.get()
    assert response.status_code == 302 and response["Location"] == \
        f"/children/{child.pk}/protection/strategy/{discussion.pk}/"
    assert discussion.enquiry.joint_with_police and discussion.actions.get().owner == "Dr Hughes"
    detail = client.get(response["Location"]).content.decode()
    assert "Health visitor on leave" in detail and "Section 47 enquiry from" in detail


def test_an_action_row_error_is_shown_on_the_row_that_was_filled(client, social_worker, child):
    episode = open_episode(social_worker, child)
    client.force_login(social_worker)
    response = client.post(f"/children/{child.pk}/episodes/{episode.pk}/strategy/new/", {
        "action_2_what": "Police checks", **_date("held_on", working_days_ago(1))})
    assert 'id="id_action_2_owner-error"' in response.content.decode()


def test_the_chair_records_a_review_and_a_worker_records_a_visit_through_the_pages(client, social_worker, manager,
                                                                                  chair, child):
    plan = plan_for_child(social_worker, manager, chair, child, icpc_days_ago=30)
    review = arranged(social_worker, chair, plan=plan, on=working_days_ago(1))
    client.force_login(chair)
    url = f"/children/{child.pk}/protection/conferences/{review.pk}/decision/"
    form = client.get(url).content.decode()
    assert "Progress on each action of the plan" in form
    invitation = review.invitations.get()
    action = plan.actions.get()
    response = client.post(url, {"version": review.version, f"attended_{invitation.pk}": "yes",
                                 "parents_participation": "attended", "child_participation": "advocate",
                                 "advocacy_offered": "yes", "decision": "continue",
                                 "decision_rationale": "Progress is real but not yet sustained over time.",
                                 "category": "NEG", f"status_{action.pk}": "on_track"})
    assert response.status_code == 302
    assert Conference.objects.get(pk=review.pk).decision == "continue"
    client.force_login(social_worker)
    visit_url = f"/children/{child.pk}/protection/plans/{plan.pk}/visits/new/"
    response = client.post(visit_url, {**_date("visit_date", working_days_ago(0)), "child_seen": "yes",
                                       "seen_alone": "no", "not_seen_alone_reason": "Asleep on mum",
                                       "bedroom_seen": "yes", "child_words": "(A baby: smiled and babbled)",
                                       "observations": "Cot clean; bottles sterilised.", "late_reason": "Was ill"})
    assert response.status_code == 302 and CpVisit.objects.get().bedroom_seen is True


def test_the_conference_list_warns_and_runs_a_fixed_number_of_queries(client, social_worker, manager, chair, child,
                                                                      django_assert_max_num_queries, make_user):
    plan = plan_for_child(social_worker, manager, chair, child, icpc_days_ago=30)
    arranged(social_worker, chair, plan=plan, on=working_days_ago(-3))
    client.force_login(chair)
    with django_assert_max_num_queries(20):
        body = client.get("/conferences/").content.decode()
    assert "The police are not invited" in body and "Children on plans" in body
    assert re.search(r"Minutes not circulated|The social work report has not been shared", body)
    client.force_login(make_user(Role.QA_AUDITOR))
    assert "Every chair" not in client.get("/conferences/").content.decode()
