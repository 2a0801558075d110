"""A refusal names the field the request sent: through the API, under the request's own field path
(``actions.0.owner``, ``progress.12.note``); on the page, next to the form's own field for it. The
journey from referral to plan, and the people around the child, are tested here together."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from lantern.accounts.roles import Role, TeamKind
from lantern.assessments.services import assessment_start
from lantern.cin.services import cin_plan_start
from lantern.people.models import Allocation
from lantern.referrals.services import transfer_propose
from lantern.referrals.tests.factories import ACTION, add_father, authorised_assessment, episode, manager_for
from lantern.testing.api import bearer
from lantern.testing.factories import AgencyFactory, PartnerFactory, TeamFactory, UserFactory


def _date(prefix: str, day) -> dict:
    return {f"{prefix}_0": day.day, f"{prefix}_1": day.month, f"{prefix}_2": day.year}


@pytest.fixture
def api(client):
    def errors(method: str, path: str, user, body: dict) -> dict:
        response = getattr(client, method)(f"/api/v1{path}", body, content_type="application/json", **bearer(user))
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


def test_a_worker_outside_the_team_and_a_practitioner_of_another_agency(api, page, social_worker, child,
                                                                        other_team):
    assert "worker_id" in api("post", f"/children/{child.pk}/allocations", social_worker,
                              {"team_id": other_team.pk, "worker_id": social_worker.pk, "start_date": "2025-01-06"})
    assert "worker" in page(f"/children/{child.pk}/allocation/new/", social_worker, {
        "team": other_team.pk, "worker": social_worker.pk, **_date("start_date", date(2025, 1, 6))})
    school, partner = AgencyFactory(), PartnerFactory()
    assert "practitioner_id" in api("post", f"/children/{child.pk}/professionals", social_worker,
                                    {"agency_id": school.pk, "role": "Teacher", "start_date": "2025-01-06",
                                     "practitioner_id": partner.pk})
    assert "practitioner" in page(f"/children/{child.pk}/professionals/new/", social_worker, {
        "agency": school.pk, "role": "Teacher", "practitioner": partner.pk, **_date("start_date", date(2025, 1, 6))})


def test_a_transfer_to_a_worker_outside_the_team_and_a_decision_the_allocation_refuses(api, page, client, child,
                                                                                      social_worker, team,
                                                                                      other_team):
    e = episode(social_worker, child)
    assert "to_worker_id" in api("post", f"/episodes/{e.pk}/transfers", social_worker, {
        "to_team_id": other_team.pk, "to_worker_id": social_worker.pk, "transfer_date": "2025-03-10",
        "summary": "Moving", "risk_evaluation": "Low"})
    assert "to_worker" in page(f"/children/{child.pk}/episodes/{e.pk}/transfer/", social_worker, {
        "to_team": other_team.pk, "to_worker": social_worker.pk, **_date("transfer_date", date(2025, 3, 10)),
        "summary": "Moving", "risk_evaluation": "Low"})
    today = timezone.localdate()
    transfer = transfer_propose(actor=social_worker, episode=e, to_team=other_team, to_worker=None,
                                transfer_date=today, summary="Moving to the disabled children's team.",
                                risk_evaluation="Low: school sees her daily.")
    # Since proposed, the child was allocated again from a later day: the transfer's date is now refused,
    # a refusal of the decision as a whole (the decision has no date field of its own).
    Allocation.objects.create(child=child, team=team, start_date=today + timedelta(days=1))
    manager = manager_for(team)
    decision = {"approve": True, "rationale": "Right team for her needs."}
    assert list(api("post", f"/transfers/{transfer.pk}/decision", manager, decision)) == ["__all__"]
    form = page(f"/children/{child.pk}/transfers/{transfer.pk}/", manager, {"decision": "approve",
                                                                            "rationale": "Right team for her needs."})
    assert list(form) == ["__all__"]


def test_each_parent_and_carer_is_answered_for_by_their_person_id(api, page, child, social_worker):
    father = add_father(social_worker, child)
    a = assessment_start(actor=social_worker, episode=episode(social_worker, child), started_on=date(2025, 3, 4))
    errors = api("put", f"/assessments/{a.pk}/sections/family", social_worker,
                 {"version": a.version, "engagements": {father.relative_id: {"engaged": False}}})
    assert list(errors) == [f"engagements.{father.relative_id}.note"]
    form = page(f"/children/{child.pk}/assessments/{a.pk}/family/", social_worker,
                {"version": a.version, f"engaged_{father.relative_id}": "no"})
    assert f"note_{father.relative_id}" in form


@pytest.fixture
def assessment(child, social_worker, team):
    return authorised_assessment(social_worker, manager_for(team), child, episode(social_worker, child))


def test_a_plans_first_action_a_reviews_progress_and_a_step_down_team(api, page, child, social_worker,
                                                                      assessment, service):
    start = {"start_date": "2025-04-17", "outcomes": "Fewer arguments at home.",
             "actions": [{**ACTION, "due_date": "2025-07-01", "owner": ""}]}
    assert list(api("post", f"/assessments/{assessment.pk}/cin-plans", social_worker, start)) == ["actions.0.owner"]
    form = page(f"/children/{child.pk}/assessments/{assessment.pk}/plan/new/", social_worker, {
        **_date("start_date", date(2025, 4, 17)), "outcomes": "Fewer arguments at home.", "what": ACTION["what"],
        **_date("due_date", date(2025, 7, 1)), "success_measure": ACTION["success_measure"]})
    assert list(form) == ["owner"]
    plan = cin_plan_start(actor=social_worker, assessment=assessment, start_date=date(2025, 4, 17),
                          outcomes="Fewer arguments at home.", actions=[ACTION])
    action = plan.actions.get()
    review = {"review_date": "2025-07-10", "child_views": "'Quieter.'", "progress_summary": "Better.",
              "progress": {action.pk: {"status": "off_track"}}}
    assert list(api("post", f"/cin-plans/{plan.pk}/cin-reviews", social_worker, review)) == \
        [f"progress.{action.pk}.note"]
    form = page(f"/children/{child.pk}/plans/{plan.pk}/reviews/new/", social_worker, {
        **_date("review_date", date(2025, 7, 10)), "child_views": "'Quieter.'", "progress_summary": "Better.",
        f"status_{action.pk}": "off_track"})
    assert f"note_{action.pk}" in form
    TeamFactory(service=service, kind=TeamKind.EARLY_HELP)
    step_down = {"kind": "step_down", "closure_date": "2025-09-01", "reason": "RC7", "family_told_on": "2025-08-20",
                 "risk_evaluation": "Low: the plan's actions are achieved."}
    assert "early_help_team_id" in api("post", f"/episodes/{plan.episode_id}/closures", social_worker, step_down)
    form = page(f"/children/{child.pk}/episodes/{plan.episode_id}/closure/new/", social_worker, {
        "kind": "step_down", **_date("closure_date", date(2025, 9, 1)), "reason": "RC7",
        "risk_evaluation": "Low: the plan's actions are achieved.", **_date("family_told_on", date(2025, 8, 20))})
    assert "early_help_team" in form


def test_a_referral_is_refused_under_the_worker_it_named(social_worker, child, other_team):
    """The page's referral form names no worker, so only the service says so (under worker_id)."""
    from django.core.exceptions import ValidationError

    from lantern.referrals.services import episode_open

    with pytest.raises(ValidationError) as refused:
        episode_open(actor=social_worker, child=child, referral_date=date(2025, 3, 3), referral_source="2A",
                     primary_need="N1", team=other_team, worker=UserFactory(role=Role.SOCIAL_WORKER))
    assert "worker_id" in refused.value.error_dict
