"""Assessments: the answers the inspection found missing, the 45 working day clock met by the
authorisation, a late reason when late, and no second assessment without a reason."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from lantern.assessments.services import (
    assessment_authorise,
    assessment_return,
    assessment_section_save,
    assessment_start,
    assessment_submit,
)
from lantern.audit_log.models import AuditEvent
from lantern.obligations.models import Obligation
from lantern.people.models import Person
from lantern.referrals.tests.factories import (
    add_father,
    authorised_assessment,
    completed_assessment,
    episode,
    manager_for,
)
from lantern.service_layer.concurrency import ConcurrentEditError


@pytest.fixture
def manager(team):
    return manager_for(team)


@pytest.fixture
def open_episode(child, social_worker):
    return episode(social_worker, child)


def _save(worker, a, section, data):
    return assessment_section_save(actor=worker, assessment=a, section=section, expected_version=a.version, data=data)


def test_authorisation_meets_the_45_working_day_clock(child, social_worker, manager, open_episode):
    authorised_assessment(social_worker, manager, child, open_episode, authorised_on=date(2025, 4, 10))
    clock = Obligation.objects.get(source_type="referrals.episode", source_id=open_episode.pk)
    assert (clock.due_date, clock.met_on) == (date(2025, 5, 8), date(2025, 4, 10))
    plan_clock = Obligation.objects.get(rule_id="cin_plan")
    assert plan_clock.start_date == date(2025, 4, 10) and plan_clock.met_on is None


def test_a_late_authorisation_needs_the_reason(child, social_worker, manager, open_episode):
    a = assessment_submit(actor=social_worker, assessment=completed_assessment(social_worker, child, open_episode))
    with pytest.raises(ValidationError) as error:
        assessment_authorise(actor=manager, assessment=a, authorised_on=date(2025, 5, 12), rationale="Sound analysis.")
    assert "2 working days late" in str(error.value)
    done = assessment_authorise(actor=manager, assessment=a, authorised_on=date(2025, 5, 12),
                                rationale="Sound analysis.", late_reason="The family were abroad for two weeks.")
    clock = Obligation.objects.get(source_type="referrals.episode", source_id=open_episode.pk)
    assert clock.met_on == date(2025, 5, 12) and clock.late_reason == "The family were abroad for two weeks."
    assert done.status == "authorised" and done.authorised_by == manager


def test_every_parent_and_carer_must_be_answered_for_fathers_included(child, social_worker, open_episode):
    father = add_father(social_worker, child)
    a = assessment_start(actor=social_worker, episode=open_episode, started_on=date(2025, 3, 4))
    with pytest.raises(ValidationError) as error:
        _save(social_worker, a, "family", {"engagements": {}})
    assert f"engagements.{father.relative_id}.engaged" in error.value.error_dict
    with pytest.raises(ValidationError) as error:
        _save(social_worker, a, "family", {"engagements": {father.relative_id: {"engaged": False, "note": ""}}})
    assert "Say why Daniel" in str(error.value)
    a = _save(social_worker, a, "family", {"engagements": {father.relative_id: {
        "engaged": False, "note": "Three letters and two visits; he declined to meet."}}})
    engagement = a.engagements.get()
    assert engagement.is_male_carer and not engagement.engaged and engagement.relationship_type == "father"


def test_a_child_with_no_recorded_parent_needs_an_explanation(child, social_worker, open_episode):
    a = assessment_start(actor=social_worker, episode=open_episode, started_on=date(2025, 3, 4))
    with pytest.raises(ValidationError, match="No parent or carer is recorded"):
        _save(social_worker, a, "family", {})
    assert _save(social_worker, a, "family", {"parents_note": "Mother died in 2024; father not known."}).version == 2


@pytest.mark.parametrize("codes,message", [
    (["21", "3B"], "8869"), (["3B", "3B"], "only once"), (["18A"], "retired"), (["99Z"], "Unknown"), ([], "at least"),
])
def test_factor_codes_follow_the_census_rules(child, social_worker, open_episode, codes, message):
    a = assessment_start(actor=social_worker, episode=open_episode, started_on=date(2025, 3, 4))
    with pytest.raises(ValidationError, match=message):
        _save(social_worker, a, "factors", {"factors": codes})


def test_retired_factors_stay_valid_on_older_assessments(child, social_worker):
    Person.objects.filter(pk=child.pk).update(date_of_birth=date(2015, 1, 1))
    old = episode(social_worker, child, date(2023, 6, 5))
    a = assessment_start(actor=social_worker, episode=old, started_on=date(2023, 6, 6))
    assert _save(social_worker, a, "factors", {"factors": ["18A"]}).factors.get().code == "18A"


def test_seen_alone_or_why_not(child, social_worker, open_episode):
    a = assessment_start(actor=social_worker, episode=open_episode, started_on=date(2025, 3, 4))
    with pytest.raises(ValidationError) as error:
        _save(social_worker, a, "seen", {"child_seen_on": date(2025, 3, 5), "seen_alone": False})
    assert "not_seen_alone_reason" in error.value.error_dict
    with pytest.raises(ValidationError, match="between the referral and today"):
        _save(social_worker, a, "seen", {"child_seen_on": date(2025, 1, 5), "seen_alone": True})


def test_a_stale_section_save_is_refused(child, social_worker, open_episode):
    a = assessment_start(actor=social_worker, episode=open_episode, started_on=date(2025, 3, 4))
    _save(social_worker, a, "views", {"child_views": "'I want my dog back.'"})
    with pytest.raises(ConcurrentEditError):
        assessment_section_save(actor=social_worker, assessment=a, section="views", expected_version=1,
                                data={"child_views": "'Something else.'"})
    a.refresh_from_db()
    assert a.child_views == "'I want my dog back.'"


def test_submit_needs_every_section(child, social_worker, open_episode):
    a = assessment_start(actor=social_worker, episode=open_episode, started_on=date(2025, 3, 4))
    with pytest.raises(ValidationError, match="Still to do: Seeing the child"):
        assessment_submit(actor=social_worker, assessment=a)
    a.refresh_from_db()
    assert a.status == "in_progress"


def test_return_for_more_work_reopens_the_assessment(child, social_worker, manager, open_episode):
    a = assessment_submit(actor=social_worker, assessment=completed_assessment(social_worker, child, open_episode))
    with pytest.raises(ValidationError):
        _save(social_worker, a, "views", {"child_views": "changed"})
    a = assessment_return(actor=manager, assessment=a, comments="Speak to dad before I can sign this off.")
    assert a.status == "in_progress" and a.returned_comments.startswith("Speak to dad")
    assert AuditEvent.objects.filter(object_type="assessment", detail="returned for more work").exists()


def test_one_assessment_per_episode_unless_something_changed(child, social_worker, manager, open_episode):
    authorised_assessment(social_worker, manager, child, open_episode)
    with pytest.raises(ValidationError, match="a change of team is not a reason"):
        assessment_start(actor=social_worker, episode=open_episode, started_on=date(2025, 5, 1))
    again = assessment_start(actor=social_worker, episode=open_episode, started_on=date(2025, 5, 1),
                             reassessment_reason="Mum's new partner has a conviction for violence.")
    assert again.kind == "single"


def test_nfa_referrals_have_no_assessment(child, social_worker):
    nfa = episode(social_worker, child, referral_nfa=True, primary_need="")
    with pytest.raises(ValidationError, match="8831"):
        assessment_start(actor=social_worker, episode=nfa, started_on=date(2025, 3, 4))


def test_legacy_referrals_get_initial_and_core_assessments(child, social_worker):
    Person.objects.filter(pk=child.pk).update(date_of_birth=date(2009, 1, 5))
    old = episode(social_worker, child, date(2012, 6, 1))
    with pytest.raises(ValidationError, match="initial and core"):
        assessment_start(actor=social_worker, episode=old, started_on=date(2012, 6, 1), kind="single")
    core = assessment_start(actor=social_worker, episode=old, started_on=date(2012, 6, 11), kind="core")
    assert Obligation.objects.get(source_type="assessments.assessment", source_id=core.pk).rule_id == "core_assessment"
