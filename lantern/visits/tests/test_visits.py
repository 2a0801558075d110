"""Visits: seen and seen alone (or why not), the child's words, and the recurring visit clock."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from lantern.cin.services import cin_plan_start
from lantern.obligations.models import Obligation
from lantern.referrals.tests.factories import ACTION, authorised_assessment, episode, manager_for
from lantern.visits.services import visit_record


@pytest.fixture
def plan(child, social_worker, team):
    e = episode(social_worker, child)
    assessment = authorised_assessment(social_worker, manager_for(team), child, e)
    return cin_plan_start(actor=social_worker, assessment=assessment, start_date=date(2025, 4, 17),
                          outcomes="Fewer arguments.", actions=[ACTION])


def _visit(worker, plan, on, **kwargs):
    data = {"child_seen": True, "seen_alone": True, "observations": "Warm, tidy home.", **kwargs}
    return visit_record(actor=worker, episode=plan.episode, visit_date=on, **data)


def test_seen_alone_or_why_not_and_not_seen_or_why_not(social_worker, plan):
    with pytest.raises(ValidationError, match="not seen alone"):
        _visit(social_worker, plan, date(2025, 5, 1), seen_alone=False)
    with pytest.raises(ValidationError, match="why the child was not seen"):
        _visit(social_worker, plan, date(2025, 5, 1), child_seen=False, seen_alone=None)
    with pytest.raises(ValidationError, match="seen alone"):
        _visit(social_worker, plan, date(2025, 5, 1), seen_alone=None)


def test_visits_where_the_child_was_seen_meet_the_recurring_clock(social_worker, plan):
    _visit(social_worker, plan, date(2025, 5, 1), child_seen=False, seen_alone=None, not_seen_reason="At nan's.")
    first = Obligation.objects.get(rule_id="cin_visit", occurrence=1)
    assert first.met_on is None and first.due_date == date(2025, 5, 20)  # Easter and the early May bank holiday skipped
    visit = _visit(social_worker, plan, date(2025, 5, 9), child_words="'I got a gold star.'")
    first.refresh_from_db()
    assert first.met_on == date(2025, 5, 9) and visit.seen_alone is True
    assert Obligation.objects.get(rule_id="cin_visit", occurrence=2).start_date == date(2025, 5, 9)


def test_a_late_visit_needs_a_reason_and_visits_stay_inside_the_episode(social_worker, plan):
    with pytest.raises(ValidationError, match="working days late"):
        _visit(social_worker, plan, date(2025, 6, 2))
    _visit(social_worker, plan, date(2025, 6, 2), late_reason="Worker off sick; no cover.")
    assert Obligation.objects.get(rule_id="cin_visit", occurrence=1).late_reason == "Worker off sick; no cover."
    with pytest.raises(ValidationError, match="before the referral"):
        _visit(social_worker, plan, date(2025, 1, 2))
