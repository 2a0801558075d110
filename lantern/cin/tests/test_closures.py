"""Closure and step-down: a written evaluation of risk, early help's acceptance, the family told,
and a manager's decision that closes the episode with its RC code."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from lantern.accounts.roles import Role, TeamKind
from lantern.cin.models import Closure
from lantern.cin.services import cin_plan_start, closure_decide, closure_propose, step_down_respond
from lantern.referrals.tests.factories import ACTION, authorised_assessment, episode, manager_for
from lantern.testing.factories import TeamFactory

RISK = "Low: the arguments have stopped, mum is in treatment and school sees her every day."


@pytest.fixture
def manager(team):
    return manager_for(team)


@pytest.fixture
def early_help(service, make_user):
    eh_team = TeamFactory(kind=TeamKind.EARLY_HELP, service=service)
    return eh_team, make_user(Role.EARLY_HELP_PRACTITIONER, team=eh_team)


def test_step_down_needs_early_help_to_accept_and_a_manager_to_decide(child, social_worker, manager, early_help):
    eh_team, eh_worker = early_help
    e = episode(social_worker, child)
    authorised_assessment(social_worker, manager, child, e, outcome="early_help")
    with pytest.raises(ValidationError) as error:
        closure_propose(actor=social_worker, episode=e, kind="step_down", closure_date=date(2025, 4, 20), reason="RC9",
                        risk_evaluation=RISK)
    assert {"early_help_team_id", "family_told_on"} <= set(error.value.error_dict)
    closure = closure_propose(actor=social_worker, episode=e, kind="step_down", closure_date=date(2025, 4, 20),
                              reason="RC9", risk_evaluation=RISK, early_help_team=eh_team,
                              family_told_on=date(2025, 4, 18))
    with pytest.raises(ValidationError, match="not waiting for a manager"):
        closure_decide(actor=manager, closure=closure, approve=True, rationale="Agreed with the plan.")
    with pytest.raises(PermissionDenied):
        step_down_respond(actor=social_worker, closure=closure, accepted=True)
    step_down_respond(actor=eh_worker, closure=closure, accepted=True)
    closure_decide(actor=manager, closure=closure, approve=True, rationale="Risk is low; early help has a plan.")
    e.refresh_from_db()
    assert (e.closure_date, e.closure_reason, e.stepped_down) == (date(2025, 4, 20), "RC9", True)
    back = episode(social_worker, child, date(2025, 7, 1))
    assert back.returned_after_step_down_id == e.pk


def test_early_help_can_decline_with_a_reason(child, social_worker, manager, early_help):
    eh_team, eh_worker = early_help
    e = episode(social_worker, child)
    authorised_assessment(social_worker, manager, child, e, outcome="early_help")
    closure = closure_propose(actor=social_worker, episode=e, kind="step_down", closure_date=date(2025, 4, 20),
                              reason="RC9", risk_evaluation=RISK, early_help_team=eh_team,
                              family_told_on=date(2025, 4, 18))
    with pytest.raises(ValidationError, match="Enter why early help"):
        step_down_respond(actor=eh_worker, closure=closure, accepted=False)
    step_down_respond(actor=eh_worker, closure=closure, accepted=False, note="The family live outside our area.")
    closure.refresh_from_db()
    assert closure.status == Closure.Status.DECLINED
    e.refresh_from_db()
    assert e.is_open


def test_closing_after_a_plan_ends_the_plan_and_refuses_rc8(child, social_worker, manager):
    e = episode(social_worker, child)
    assessment = authorised_assessment(social_worker, manager, child, e)
    plan = cin_plan_start(actor=social_worker, assessment=assessment, start_date=date(2025, 4, 17),
                          outcomes="Fewer arguments.", actions=[ACTION])
    with pytest.raises(ValidationError, match="2990"):
        closure_propose(actor=social_worker, episode=e, kind="close", closure_date=date(2025, 9, 1), reason="RC8",
                        risk_evaluation=RISK)
    with pytest.raises(ValidationError, match="8565"):
        closure_propose(actor=social_worker, episode=e, kind="close", closure_date=date(2025, 4, 15), reason="RC7",
                        risk_evaluation=RISK)
    with pytest.raises(ValidationError, match="fuller"):
        closure_propose(actor=social_worker, episode=e, kind="close", closure_date=date(2025, 9, 1), reason="RC7",
                        risk_evaluation="Fine now")
    closure = closure_propose(actor=social_worker, episode=e, kind="close", closure_date=date(2025, 9, 1),
                              reason="RC7", risk_evaluation=RISK)
    with pytest.raises(PermissionDenied):
        closure_decide(actor=social_worker, closure=closure, approve=True, rationale="I agree with myself")
    closure_decide(actor=manager, closure=closure, approve=True, rationale="Plan achieved; risk evaluated as low.")
    plan.refresh_from_db()
    e.refresh_from_db()
    assert plan.end_date == date(2025, 9, 1) and e.closure_reason == "RC7"
