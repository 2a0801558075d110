"""Transfers: a summary with the current evaluation of risk, a manager's decision, and the
assessment carried over rather than repeated."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from lantern.assessments.services import assessment_start
from lantern.people.models import Allocation
from lantern.people.selectors import child_summary
from lantern.referrals.models import TransferStatus
from lantern.referrals.services import transfer_decide, transfer_propose
from lantern.testing.factories import UserFactory

from .factories import episode, manager_for

RISK = "Risk is moderate: arguments continue but mum now phones the helpline; school reports no concerns."


@pytest.fixture(autouse=True)
def allocated_since_january(child):
    Allocation.objects.filter(child=child).update(start_date=date(2025, 1, 6))


def _propose(worker, e, to_team, to_worker=None, **kwargs):
    data = {"transfer_date": date(2025, 4, 14), "summary": "Assessment half done; father seen once.",
            "risk_evaluation": RISK, **kwargs}
    return transfer_propose(actor=worker, episode=e, to_team=to_team, to_worker=to_worker, **data)


def test_a_transfer_needs_a_real_evaluation_of_risk(child, social_worker, other_team):
    e = episode(social_worker, child)
    with pytest.raises(ValidationError) as error:
        _propose(social_worker, e, other_team, risk_evaluation="fine")
    assert "fuller" in str(error.value)


def test_approved_transfer_moves_the_child_and_keeps_the_assessment(child, social_worker, team, other_team):
    manager = manager_for(team)
    new_worker = UserFactory(team=other_team)
    e = episode(social_worker, child)
    assessment = assessment_start(actor=social_worker, episode=e, started_on=date(2025, 3, 4))
    transfer = _propose(social_worker, e, other_team, new_worker)
    with pytest.raises(PermissionDenied):
        transfer_decide(actor=social_worker, transfer=transfer, approve=True, rationale="Looks right to me")
    transfer_decide(actor=manager, transfer=transfer, approve=True, rationale="Care management holds CIN plans.")
    transfer.refresh_from_db()
    e.refresh_from_db()
    child.refresh_from_db()
    assert transfer.status == TransferStatus.APPROVED and transfer.decided_by == manager
    assert (e.team_id, e.worker_id) == (other_team.pk, new_worker.pk)
    assert (child.current_team_id, child.current_worker_id) == (other_team.pk, new_worker.pk)
    assert Allocation.objects.filter(child=child, end_date__isnull=True).get().start_date == date(2025, 4, 14)
    assert child_summary(child, frozenset({"allocation"})).worker_changes == 1
    # The new team carries the assessment on: a second one is refused.
    with pytest.raises(ValidationError, match="already has an assessment in progress"):
        assessment_start(actor=new_worker, episode=e, started_on=date(2025, 4, 15))
    assert e.assessments.get() == assessment


def test_declined_transfer_changes_nothing_and_only_one_waits_at_a_time(child, social_worker, team, other_team):
    manager = manager_for(team)
    e = episode(social_worker, child)
    transfer = _propose(social_worker, e, other_team)
    with pytest.raises(ValidationError, match="already waiting"):
        _propose(social_worker, e, other_team)
    transfer_decide(actor=manager, transfer=transfer, approve=False, rationale="Finish the assessment first.")
    child.refresh_from_db()
    assert child.current_team_id == team.pk
    with pytest.raises(ValidationError, match="already been decided"):
        transfer_decide(actor=manager, transfer=transfer, approve=True, rationale="Changed my mind entirely")
