"""The child protection plan: measurable actions, core groups and visits at their intervals, review
conferences, ending within 3 months only with a service manager's rationale, and the step down."""

import re
from datetime import timedelta

import pytest
from dateutil.relativedelta import relativedelta
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from lantern.accounts.roles import Role
from lantern.obligations.clock import current_clock
from lantern.obligations.models import Obligation
from lantern.obligations.status import explain
from lantern.testing.factories import UserFactory

from ..figures import protection_figures
from ..models import CpPlan
from ..obligations import PLAN_SOURCE
from ..services import (
    cin_plan_after_conference,
    core_group_record,
    cp_visit_record,
    plan_action_add,
    plan_early_end_decide,
)
from .factories import arranged, decide, plan_for_child, working_days_ago

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(social_worker, manager, chair, child):
    return plan_for_child(social_worker, manager, chair, child, icpc_days_ago=25)


def _due(plan, rule_id, occurrence=1):
    return Obligation.objects.get(source_type=PLAN_SOURCE, source_id=plan.pk, rule_id=rule_id,
                                  occurrence=occurrence)


def _progress(plan, status="on_track"):
    return {a.pk: {"status": status} for a in plan.actions.all()}


def test_an_action_needs_an_owner_and_a_date(plan, social_worker):
    with pytest.raises(ValidationError) as caught:
        plan_action_add(actor=social_worker, plan=plan, what="Nursery place", owner="", due_date=None,
                        success_measure="She attends 4 days a week")
    assert {"owner", "due_date"} <= set(caught.value.message_dict)
    action = plan_action_add(actor=social_worker, plan=plan, what="Nursery place", owner="Early years team",
                             due_date=plan.start_date, success_measure="She attends 4 days a week")
    assert action.plan == plan


def test_core_groups_are_due_10_working_days_after_the_conference_then_at_the_local_interval(plan, social_worker):
    calendar = current_clock().calendar
    first = _due(plan, "core_group")
    assert first.due_date == calendar.add_working_days(plan.start_date, 10)
    member = plan.members.first()
    with pytest.raises(ValidationError) as caught:
        core_group_record(actor=social_worker, plan=plan, held_on=working_days_ago(10), summary="Dad engaging well.",
                          attendee_ids=[member.pk], progress={})
    assert any(re.match(r"^progress\.\d+\.status$", key) for key in caught.value.message_dict)
    with pytest.raises(ValidationError) as caught:  # held after its due date: the reason is asked for
        core_group_record(actor=social_worker, plan=plan, held_on=working_days_ago(10), summary="Dad engaging well.",
                          attendee_ids=[member.pk], progress=_progress(plan))
    assert "late_reason" in caught.value.message_dict
    core_group_record(actor=social_worker, plan=plan, held_on=working_days_ago(10), summary="Dad engaging well.",
                      attendee_ids=[member.pk], progress=_progress(plan), late_reason="Chair's diary")
    assert _due(plan, "core_group").met_on == working_days_ago(10)
    second = _due(plan, "core_group", 2)
    assert second.due_date == calendar.last_working_day_on_or_before(working_days_ago(10) + relativedelta(weeks=4))


def test_visits_are_due_every_10_working_days_and_a_visit_without_seeing_the_child_does_not_count(plan, social_worker):
    calendar = current_clock().calendar
    assert _due(plan, "cp_visit").due_date == calendar.add_working_days(plan.start_date, 10)
    with pytest.raises(ValidationError) as caught:
        cp_visit_record(actor=social_worker, plan=plan, visit_date=working_days_ago(2), child_seen=True,
                        seen_alone=True, observations="Home warm and clean.", late_reason="Sickness")
    assert {"bedroom_seen", "child_words"} <= set(caught.value.message_dict)
    cp_visit_record(actor=social_worker, plan=plan, visit_date=working_days_ago(3), child_seen=False,
                    not_seen_reason="Nobody answered", bedroom_seen=False, observations="Curtains closed at 11am.")
    assert _due(plan, "cp_visit").met_on is None
    cp_visit_record(actor=social_worker, plan=plan, visit_date=working_days_ago(2), child_seen=True, seen_alone=True,
                    bedroom_seen=True, child_words="'Dad doesn't shout now.'", observations="Home warm and clean.",
                    late_reason="Sickness in the team")
    visit = _due(plan, "cp_visit")
    assert visit.met_on == working_days_ago(2) and visit.late_reason == "Sickness in the team"
    assert _due(plan, "cp_visit", 2).due_date == calendar.add_working_days(working_days_ago(2), 10)


def test_reviews_three_months_after_the_conference_then_six_monthly_and_categories_update(social_worker, manager,
                                                                                         chair, child):
    plan = plan_for_child(social_worker, manager, chair, child, icpc_days_ago=80)
    calendar = current_clock().calendar
    due = _due(plan, "review_cp_conference").due_date
    assert due == calendar.last_working_day_on_or_before(plan.start_date + relativedelta(months=3))
    review = arranged(social_worker, chair, plan=plan, on=working_days_ago(2))
    decide(chair, review, decision="continue", category="EMO", progress=_progress(plan))
    plan.refresh_from_db()
    assert (plan.initial_category, plan.latest_category, plan.end_date) == ("NEG", "EMO", None)
    assert _due(plan, "review_cp_conference", 2).due_date == calendar.last_working_day_on_or_before(
        review.conference_date + relativedelta(months=6))
    assert plan.actions.first().progress.get(conference=review).status == "on_track"


def test_ending_within_three_months_waits_for_a_service_manager_and_is_counted(plan, social_worker, manager, chair,
                                                                             team):
    review = arranged(social_worker, chair, plan=plan, on=working_days_ago(2))
    decide(chair, review, decision="end", progress=_progress(plan, "achieved"))
    plan.refresh_from_db()
    assert plan.is_open and plan.pending_end == review
    with pytest.raises(PermissionDenied):
        plan_early_end_decide(actor=manager, plan=plan, approve=True, rationale="x" * 30,
                              expected_version=plan.version)
    service_manager = UserFactory(role=Role.SERVICE_MANAGER, team=team)
    ended = plan_early_end_decide(actor=service_manager, plan=plan, approve=True, expected_version=plan.version,
                                  rationale="Dad has left the home; mother protective; school and health visitor "
                                            "see her daily.")
    assert (ended.end_date, ended.early_end_approved_by, ended.after_plan) == (
        review.conference_date, service_manager, "cin_plan")
    figures = protection_figures(service_manager, today=working_days_ago(0))
    assert (figures["ended"], figures["ended_early"], figures["ended_early_percent"]) == (1, 1, 100)
    assert _due(plan, "cp_visit").withdrawn_on == ended.end_date


def test_a_review_after_three_months_ends_the_plan_and_steps_down_to_a_child_in_need_plan(social_worker, manager,
                                                                                        chair, child):
    plan = plan_for_child(social_worker, manager, chair, child, icpc_days_ago=80)
    review = arranged(social_worker, chair, plan=plan, on=working_days_ago(3))
    decide(chair, review, decision="end", progress=_progress(plan, "achieved"))
    plan.refresh_from_db()
    assert plan.end_date == review.conference_date and plan.pending_end is None
    cin_plan = cin_plan_after_conference(
        actor=social_worker, conference=review, outcomes="Keep the gains: dad's parenting stays safe.",
        actions=[{"what": "Family support worker weekly", "owner": "Family Service", "due_date": plan.end_date,
                  "success_measure": "Routines kept"}])
    assert cin_plan.start_date == plan.end_date  # the plans touch, never overlap


def test_a_child_has_at_most_one_open_plan(plan):
    with pytest.raises(IntegrityError), transaction.atomic():
        CpPlan.objects.create(episode=plan.episode, child=plan.child, conference=arranged_stub(plan),
                              start_date=plan.start_date, initial_category="NEG", latest_category="NEG",
                              outcomes="Duplicate")


def arranged_stub(plan):
    """A second conference row to hang a duplicate plan on (the database must refuse the plan)."""
    from ..models import Conference

    return Conference.objects.create(kind="review", episode=plan.episode, child=plan.child, plan=plan,
                                     conference_date=plan.start_date, chair=plan.conference.chair,
                                     arranged_by=plan.conference.chair)


def _unborn_with_plan(social_worker, manager, chair, team):
    from lantern.testing.factories import ChildFactory

    unborn = ChildFactory(current_team=team, current_worker=social_worker, date_of_birth=None,
                          expected_date_of_birth=timezone.localdate() + timedelta(days=40), sex="U")
    return unborn, plan_for_child(social_worker, manager, chair, unborn, icpc_days_ago=25)


def _born(social_worker, child, on):
    from lantern.people.services import child_update

    child.refresh_from_db()
    child_update(actor=social_worker, child=child, expected_version=child.version,
                 data={"date_of_birth": on, "expected_date_of_birth": None})


def test_a_pre_birth_plan_needs_a_review_soon_after_the_birth(social_worker, manager, chair, team):
    unborn, plan = _unborn_with_plan(social_worker, manager, chair, team)
    assert not Obligation.objects.filter(rule_id="pre_birth_review").exists()  # nothing until the birth
    _born(social_worker, unborn, working_days_ago(5))
    due = _due(plan, "pre_birth_review")
    assert (due.start_date, due.due_date) == (working_days_ago(5), working_days_ago(-5))
    assert "10 working days from the birth of the child" in explain(due, current_clock())
    # The 3-month review still stands beside it: the review after the birth meets both.
    assert _due(plan, "review_cp_conference").met_on is None
    review = arranged(social_worker, chair, plan=plan, on=working_days_ago(1))
    decide(chair, review, decision="continue", category="NEG", progress=_progress(plan))
    assert _due(plan, "pre_birth_review").met_on == working_days_ago(1)
    assert _due(plan, "review_cp_conference").met_on == working_days_ago(1)


def test_a_late_review_after_the_birth_needs_its_reason(social_worker, manager, chair, team):
    from lantern.protection.services import conference_arrange

    unborn, plan = _unborn_with_plan(social_worker, manager, chair, team)
    _born(social_worker, unborn, working_days_ago(14))
    with pytest.raises(ValidationError) as caught:
        conference_arrange(actor=social_worker, plan=plan, conference_date=working_days_ago(1), chair=chair,
                           late_reason="")
    assert "3 working days late" in str(caught.value)
    assert not plan.review_conferences.exists()  # refused whole: nothing kept


def test_a_plan_made_after_the_birth_has_no_pre_birth_review(plan):
    assert not Obligation.objects.filter(source_id=plan.pk, rule_id="pre_birth_review").exists()
