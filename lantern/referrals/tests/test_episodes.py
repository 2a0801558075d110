"""Opening and closing the episode: census rules checked as the record is made."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from lantern.accounts.roles import Role
from lantern.audit_log.models import AuditEvent
from lantern.obligations.models import Obligation
from lantern.referrals.models import Episode
from lantern.referrals.services import episode_close, episode_open

from .factories import REFERRAL, authorised_assessment, episode, manager_for


def test_episode_open_keeps_its_keyword_arguments_and_takes_the_childs_allocation(child, social_worker):
    e = episode_open(actor=social_worker, child=child, referral_date=REFERRAL, referral_source="2A",
                     primary_need="N1", referral_nfa=False)
    assert (e.team_id, e.worker_id) == (child.current_team_id, social_worker.pk)
    assert Obligation.objects.get(source_type="referrals.episode", source_id=e.pk).rule_id == "single_assessment"
    assert AuditEvent.objects.get(object_type="episode", action="create").child_id == child.pk


def test_a_team_can_be_given_and_the_worker_must_belong_to_it(child, social_worker, other_team):
    with pytest.raises(ValidationError) as error:
        episode_open(actor=social_worker, child=child, referral_date=REFERRAL, referral_source="2A",
                     primary_need="N1", team=other_team, worker=social_worker)
    assert "is not a member of" in str(error.value)
    e = episode_open(actor=social_worker, child=child, referral_date=REFERRAL, referral_source="2A",
                     primary_need="N1", team=other_team)
    assert (e.team_id, e.worker_id) == (other_team.pk, None)


@pytest.mark.parametrize("kwargs,message", [
    ({"referral_source": "ZZ"}, "Select where the referral came from"),
    ({"primary_need": ""}, "8610"),
    ({"referral_date": date(2099, 1, 1)}, "cannot be in the future"),
])
def test_bad_referrals_are_refused_with_a_reason(child, social_worker, kwargs, message):
    data = {"referral_date": REFERRAL, "referral_source": "2A", "primary_need": "N1", **kwargs}
    with pytest.raises(ValidationError) as error:
        episode_open(actor=social_worker, child=child, **data)
    assert message in str(error.value)
    assert not Episode.objects.exists()


def test_overlapping_and_out_of_order_referrals_are_refused(child, social_worker, team):
    first = episode(social_worker, child, date(2024, 1, 8))
    with pytest.raises(ValidationError, match="already has an open episode"):
        episode(social_worker, child, date(2024, 6, 3))
    manager = manager_for(team)
    Episode.objects.filter(pk=first.pk).update(closure_date=date(2024, 5, 1), closure_reason="RC7")
    with pytest.raises(ValidationError, match="8820"):
        episode(social_worker, child, date(2024, 4, 1))
    assert episode(social_worker, child, date(2024, 6, 3)).pk
    assert manager  # the manager exists only to show a second user does not change the rule


def test_roles_without_the_permission_cannot_record_a_referral(child, make_user, team):
    with pytest.raises(PermissionDenied):
        episode(make_user(Role.EARLY_HELP_PRACTITIONER, team=team), child)


def test_closure_must_follow_every_activity_census_8565(child, social_worker, team):
    manager = manager_for(team)
    e = episode(social_worker, child)
    authorised_assessment(social_worker, manager, child, e, authorised_on=date(2025, 4, 10))
    with pytest.raises(ValidationError) as error:
        episode_close(actor=manager, episode=e, closure_date=date(2025, 4, 1), reason="RC8")
    assert "8565" in str(error.value) and "10 April 2025" in str(error.value)


def test_rc8_needs_an_authorised_assessment_and_closure_withdraws_the_clock(child, social_worker, team):
    manager = manager_for(team)
    e = episode(social_worker, child)
    with pytest.raises(ValidationError, match="only for an episode closed after an authorised assessment"):
        episode_close(actor=manager, episode=e, closure_date=date(2025, 4, 1), reason="RC8")
    closed = episode_close(actor=manager, episode=e, closure_date=date(2025, 4, 1), reason="RC7")
    assert (closed.closure_date, closed.closure_reason) == (date(2025, 4, 1), "RC7")
    assert Obligation.objects.get(source_id=e.pk, source_type="referrals.episode").withdrawn_on == date(2025, 4, 1)
    with pytest.raises(PermissionDenied):
        episode_close(actor=social_worker, episode=closed, closure_date=date(2025, 4, 2), reason="RC7")


def test_a_referral_within_3_months_of_a_step_down_is_flagged(child, social_worker, team):
    manager = manager_for(team)
    e = episode(social_worker, child, date(2024, 1, 8))
    episode_close(actor=manager, episode=e, closure_date=date(2024, 2, 1), reason="RC7", stepped_down=True)
    back = episode(social_worker, child, date(2024, 4, 30))
    assert back.returned_after_step_down_id == e.pk
    Episode.objects.filter(pk=back.pk).update(closure_date=date(2024, 5, 1), closure_reason="RC7")
    later = episode(social_worker, child, date(2024, 9, 2))
    assert later.returned_after_step_down_id is None
