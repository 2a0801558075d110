"""Plan, review, visit, closure and overview pages."""

from datetime import date

import pytest

from lantern.accounts.roles import Role, TeamKind
from lantern.cin.models import CinPlan, Closure, PlanReview
from lantern.referrals.tests.factories import authorised_assessment, episode, manager_for
from lantern.testing.factories import TeamFactory


@pytest.fixture
def assessment(child, social_worker, team):
    return authorised_assessment(social_worker, manager_for(team), child, episode(social_worker, child))


def _date(prefix, d):
    return {f"{prefix}_0": d.day, f"{prefix}_1": d.month, f"{prefix}_2": d.year}


def test_plan_review_and_visit_pages(client, child, social_worker, assessment):
    client.force_login(social_worker)
    url = f"/children/{child.pk}/assessments/{assessment.pk}/plan/new/"
    form = {**_date("start_date", date(2025, 4, 17)), "outcomes": "Fewer arguments.", "what": "Parenting course",
            **_date("due_date", date(2025, 7, 1)), "success_measure": "Calmer bedtimes"}
    refused = client.post(url, form).content.decode()
    assert "An action must have an owner" in refused and not CinPlan.objects.exists()
    assert client.post(url, {**form, "owner": "Family Support Service"}).status_code == 302
    plan = CinPlan.objects.get()
    action = plan.actions.get()
    page = client.get(f"/children/{child.pk}/plans/{plan.pk}/").content.decode()
    assert "Family Support Service" in page and "Child in need review" in page
    review = {**_date("review_date", date(2025, 7, 10)), "child_views": "'Better.'", "progress_summary": "Calmer.",
              f"status_{action.pk}": "achieved"}
    assert client.post(f"/children/{child.pk}/plans/{plan.pk}/reviews/new/", review).status_code == 302
    assert PlanReview.objects.get().progress.get().status == "achieved"
    visit = {**_date("visit_date", date(2025, 5, 9)), "child_seen": "yes", "seen_alone": "no",
             "observations": "Calm."}
    vurl = f"/children/{child.pk}/episodes/{plan.episode_id}/visits/new/"
    assert "Say why the child was not seen alone" in client.post(vurl, visit).content.decode()
    visit["not_seen_alone_reason"] = "She wanted mum there; she is four."
    assert client.post(vurl, visit).status_code == 302


def test_step_down_through_the_pages(client, child, social_worker, team, service, make_user, assessment):
    eh_team = TeamFactory(kind=TeamKind.EARLY_HELP, service=service)
    eh_worker = make_user(Role.EARLY_HELP_PRACTITIONER, team=eh_team)
    client.force_login(social_worker)
    url = f"/children/{child.pk}/episodes/{assessment.episode_id}/closure/new/"
    form = {"kind": "step_down", **_date("closure_date", date(2025, 4, 20)), "reason": "RC9",
            "risk_evaluation": "Low: parents engaged, school sees her daily, no incidents in six weeks.",
            "early_help_team": eh_team.pk, **_date("family_told_on", date(2025, 4, 18))}
    assert client.post(url, form).status_code == 302
    closure = Closure.objects.get()
    client.force_login(eh_worker)  # early help sees the step-down though the child is held by another team
    assert child.full_name in client.get("/step-downs/").content.decode()
    assert client.post(f"/step-downs/{closure.pk}/", {"decision": "accept"}).status_code == 302
    client.force_login(manager_for(team))
    decision = f"/children/{child.pk}/closures/{closure.pk}/decision/"
    assert client.post(decision, {"decision": "approve", "rationale": "Agreed."}).status_code == 200
    assert client.post(decision, {"decision": "approve", "rationale": "Agreed: risk is low."}).status_code == 302
    closure.refresh_from_db()
    assert closure.status == "approved" and closure.episode.closure_reason == "RC9"


def test_the_overview_counts_what_the_inspection_counted(client, child, social_worker, team, assessment):
    client.force_login(manager_for(team))
    html = client.get("/children-in-need/").content.decode()
    assert "Assessed as needing a plan, with no plan" in html
    assert '<dd class="govuk-summary-list__value" id="needing-plan">1</dd>' in html
    assert "Fathers and male carers who took part in assessments" in html
