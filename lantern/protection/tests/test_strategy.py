"""Strategy discussions: who took part by agency, reasons for absence, the decision, the actions, the
record's deadline, and the enquiry a decision starts."""

from datetime import time

import pytest
from django.core.exceptions import ValidationError

from lantern.accounts.roles import Qualification, Role
from lantern.audit_log.models import AuditEvent
from lantern.obligations.clock import current_clock
from lantern.obligations.models import Obligation
from lantern.testing.factories import UserFactory

from ..models import Section47Enquiry, StrategyDiscussion
from ..obligations import ENQUIRY_SOURCE, STRATEGY_SOURCE
from .factories import everyone_present, open_episode, strategy, working_days_ago

pytestmark = pytest.mark.django_db


@pytest.fixture
def episode(social_worker, child):
    return open_episode(social_worker, child)


def _refusal(**kwargs) -> dict:
    with pytest.raises(ValidationError) as caught:
        strategy(**kwargs)
    return caught.value.message_dict


def test_a_discussion_records_each_agency_and_starts_an_enquiry_led_by_a_registered_social_worker(
        social_worker, episode):
    discussion = strategy(social_worker, episode, held_on=working_days_ago(1), late_reason="")
    assert {p.agency_kind: p.information_shared for p in discussion.participants.all()}["police"] == \
        "Two call-outs to the home."
    enquiry = discussion.enquiry
    assert (enquiry.start_date, enquiry.lead_worker, enquiry.joint_with_police) == \
        (discussion.held_on, social_worker, False)
    record = Obligation.objects.get(source_type=STRATEGY_SOURCE, source_id=discussion.pk)
    assert record.met_on == discussion.completed_on and record.met_on <= record.due_date
    icpc = Obligation.objects.get(source_type=ENQUIRY_SOURCE, source_id=enquiry.pk, rule_id="initial_cp_conference")
    calendar = current_clock().calendar
    assert icpc.due_date == calendar.add_working_days(discussion.held_on, 15)
    assert calendar.is_working_day(icpc.due_date) and icpc.due_date.weekday() < 5
    audit = AuditEvent.objects.filter(object_type="strategy_discussion", object_id=str(discussion.pk)).get()
    assert audit.changes["agencies"][1] == ["csc", "education", "health", "police"]


def test_police_health_and_the_referrer_absent_need_reasons(social_worker, episode):
    only_csc = everyone_present(social_worker)[:1]
    errors = _refusal(worker=social_worker, episode=episode, participants=only_csc)
    assert set(errors) >= {"police_absent_reason", "health_absent_reason", "referrer_absent_reason"}
    assert StrategyDiscussion.objects.count() == 0
    discussion = strategy(social_worker, episode, participants=only_csc, decision="no_enquiry",
                          absent_reasons={"police_absent_reason": "Officer called away to an emergency",
                                          "health_absent_reason": "GP surgery did not answer",
                                          "referrer_absent_reason": "School closed for the holiday"})
    assert discussion.police_absent_reason == "Officer called away to an emergency"
    assert not Section47Enquiry.objects.exists()


def test_children_s_social_care_must_take_part(social_worker, episode):
    errors = _refusal(worker=social_worker, episode=episode, participants=everyone_present(social_worker)[1:])
    assert "participants" in errors


def test_an_unqualified_worker_cannot_lead_an_enquiry(social_worker, episode, team):
    unqualified = UserFactory(role=Role.SOCIAL_WORKER, team=team, qualification=Qualification.UNQUALIFIED,
                              swe_registration="")
    errors = _refusal(worker=social_worker, episode=episode, lead=unqualified)
    assert "not a registered social worker" in errors["lead_worker_id"][0]


def test_a_joint_enquiry_needs_the_police_in_the_discussion(social_worker, episode):
    without_police = [p for p in everyone_present(social_worker) if p["agency_kind"] != "police"]
    errors = _refusal(worker=social_worker, episode=episode, participants=without_police, decision="s47_joint",
                      absent_reasons={"police_absent_reason": "No officer free"})
    assert "police" in errors["decision"][0]


def test_actions_need_an_owner_and_a_date(social_worker, episode):
    errors = _refusal(worker=social_worker, episode=episode, actions=[{"what": "Police check", "owner": "",
                                                                       "due_date": None}])
    assert "owner" in errors["actions.0.owner"][0] and "date" in errors["actions.0.due_date"][0]


def test_a_record_completed_after_its_deadline_needs_a_reason_and_nothing_is_half_saved(social_worker, episode):
    errors = _refusal(worker=social_worker, episode=episode, held_on=working_days_ago(5), late_reason="")
    assert "working days late" in errors["late_reason"][0]
    assert not StrategyDiscussion.objects.exists() and not Section47Enquiry.objects.exists()
    assert not Obligation.objects.filter(source_type=STRATEGY_SOURCE).exists()


def test_one_enquiry_at_a_time_in_an_episode(social_worker, episode):
    strategy(social_worker, episode)
    errors = _refusal(worker=social_worker, episode=episode, held_at=time(16, 0))
    assert "already under way" in errors["decision"][0]


def test_partners_and_chairs_cannot_record_one(make_user, episode, chair):
    from django.core.exceptions import PermissionDenied

    for user in (make_user(Role.PARTNER_PRACTITIONER), chair):
        with pytest.raises(PermissionDenied):
            strategy(user, episode)


def test_the_front_door_s_strategy_list_is_cleared(social_worker, child, make_user):
    from lantern.frontdoor.selectors.queue import strategy_needed
    from lantern.frontdoor.testing import decide, received_contact

    screener = make_user(Role.FRONT_DOOR_SCREENER)
    contact = received_contact(screener, child)
    decide(screener, contact, outcome="strategy", level_name="Child protection", primary_need="N1")
    assert [d.contact_id for d in strategy_needed()] == [contact.pk]
    episode = contact.people.get(role="child").episode
    strategy(social_worker, episode, held_on=max(episode.referral_date, working_days_ago(1)))
    assert strategy_needed() == []
