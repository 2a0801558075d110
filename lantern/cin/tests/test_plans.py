"""Plans and reviews: actions that say what, who, by when and how we will know; the plan's
deadline met from the assessment's authorisation; reviews recurring from the last one."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from lantern.cin.models import CinPlan
from lantern.cin.services import cin_plan_end, cin_plan_start, cin_review_record, plan_action_add
from lantern.obligations.models import Obligation
from lantern.referrals.tests.factories import ACTION, authorised_assessment, episode, manager_for


@pytest.fixture
def assessment(child, social_worker, team):
    return authorised_assessment(social_worker, manager_for(team), child, episode(social_worker, child))


def _start(worker, assessment, start=date(2025, 4, 17), **kwargs):
    return cin_plan_start(actor=worker, assessment=assessment, start_date=start, outcomes="Fewer arguments at home.",
                          actions=kwargs.pop("actions", [ACTION]), **kwargs)


@pytest.mark.parametrize("missing,message", [("owner", "must have an owner"), ("due_date", "must have a date"),
                                             ("success_measure", "how we will know")])
def test_an_action_without_an_owner_a_date_or_a_measure_is_refused(social_worker, assessment, missing, message):
    with pytest.raises(ValidationError, match=message):
        _start(social_worker, assessment, actions=[{**ACTION, missing: None}])
    assert not CinPlan.objects.exists()


def test_the_plan_meets_its_deadline_from_the_authorisation(social_worker, assessment):
    plan = _start(social_worker, assessment)
    clock = Obligation.objects.get(rule_id="cin_plan")
    assert (clock.start_date, clock.met_on) == (date(2025, 4, 10), date(2025, 4, 17))
    assert Obligation.objects.get(rule_id="cin_review", occurrence=1).start_date == plan.start_date
    assert Obligation.objects.get(rule_id="cin_visit", occurrence=1).start_date == plan.start_date


def test_a_late_plan_needs_a_reason(social_worker, assessment):
    with pytest.raises(ValidationError, match="working days late"):
        _start(social_worker, assessment, start=date(2025, 6, 2))
    plan = _start(social_worker, assessment, start=date(2025, 6, 2), late_reason="No worker for six weeks.")
    assert Obligation.objects.get(rule_id="cin_plan").late_reason == plan.late_reason


def test_one_plan_at_a_time_and_not_before_the_assessment(social_worker, assessment):
    with pytest.raises(ValidationError, match="before the assessment was authorised"):
        _start(social_worker, assessment, start=date(2025, 4, 1))
    _start(social_worker, assessment)
    with pytest.raises(ValidationError, match="already has a child in need plan"):
        _start(social_worker, assessment, start=date(2025, 5, 1))


def test_reviews_record_progress_on_every_action_and_the_next_falls_due_from_them(social_worker, assessment):
    plan = _start(social_worker, assessment)
    action = plan.actions.get()
    extra = plan_action_add(actor=social_worker, plan=plan, what="School nurse sees her weekly", owner="School nurse",
                            due_date=date(2025, 9, 1), success_measure="She says she feels listened to")
    base = {"review_date": date(2025, 7, 10), "child_views": "'It's quieter now.'", "progress_summary": "Better."}
    with pytest.raises(ValidationError) as error:
        cin_review_record(actor=social_worker, plan=plan, progress={action.pk: {"status": "achieved"}}, **base)
    assert f"progress.{extra.pk}.status" in error.value.error_dict
    with pytest.raises(ValidationError, match="getting in the way"):
        cin_review_record(actor=social_worker, plan=plan, **base, progress={
            action.pk: {"status": "achieved"}, extra.pk: {"status": "off_track"}})
    review = cin_review_record(actor=social_worker, plan=plan, **base, progress={
        action.pk: {"status": "achieved"}, extra.pk: {"status": "off_track", "note": "Nurse off sick."}})
    assert review.progress.count() == 2
    first = Obligation.objects.get(rule_id="cin_review", occurrence=1)
    second = Obligation.objects.get(rule_id="cin_review", occurrence=2)
    assert first.met_on == date(2025, 7, 10) and first.due_date == date(2025, 7, 17)
    assert second.start_date == date(2025, 7, 10) and second.met_on is None


def test_ending_the_plan_withdraws_what_it_still_needed(social_worker, assessment):
    plan = _start(social_worker, assessment)
    with pytest.raises(ValidationError, match="before it started"):
        cin_plan_end(actor=social_worker, plan=plan, end_date=date(2025, 4, 1), reason="Needs met")
    cin_plan_end(actor=social_worker, plan=plan, end_date=date(2025, 8, 1), reason="Child protection plan started")
    assert Obligation.objects.get(rule_id="cin_visit").withdrawn_on == date(2025, 8, 1)
    with pytest.raises(ValidationError, match="already ended"):
        cin_plan_end(actor=social_worker, plan=plan, end_date=date(2025, 8, 2), reason="Again")
