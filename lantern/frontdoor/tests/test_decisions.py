"""Deciding: levels and outcomes agree, authorisation, episodes opened, flags, lateness."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from lantern.frontdoor.codes import ContactStatus, DecisionStatus
from lantern.frontdoor.models import Contact, FrontDoorSettings
from lantern.frontdoor.selectors.queue import front_door_queue, strategy_needed
from lantern.frontdoor.services import contact_person_add, decision_authorise, decision_record, decision_return
from lantern.frontdoor.testing import decide, level, received_contact
from lantern.obligations.models import Obligation
from lantern.referrals.models import Episode
from lantern.service_layer.concurrency import ConcurrentEditError


def test_a_child_must_be_matched_before_deciding(screener):
    contact = received_contact(screener)
    with pytest.raises(ValidationError) as refused:
        decide(screener, contact)
    assert "Match every child" in refused.value.message_dict["outcome"][0]


def test_the_decision_must_fit_the_level(screener, child):
    contact = received_contact(screener, child)
    with pytest.raises(ValidationError) as refused:
        decide(screener, contact, outcome="nfa", level_name="Child in need")
    assert "does not fit the level" in refused.value.message_dict["outcome"][0]
    assert not contact.decisions.exists()


def test_no_further_action_waits_for_a_manager_then_meets_the_clock(screener, manager, child):
    contact = received_contact(screener, child)
    proposal = decide(screener, contact)
    contact.refresh_from_db()
    assert proposal.status == DecisionStatus.PROPOSED and contact.status == ContactStatus.AWAITING_AUTHORISATION
    obligation = Obligation.objects.get(source_type="frontdoor.contact", source_id=contact.pk)
    assert obligation.met_on is None
    done = decision_authorise(actor=manager, contact=contact, expected_version=contact.version, comment="Agreed")
    contact.refresh_from_db()
    obligation.refresh_from_db()
    assert done.status == DecisionStatus.FINAL and done.authorised_by == manager
    assert contact.status == ContactStatus.DECIDED and obligation.met_on == timezone.localdate()


def test_a_returned_decision_goes_back_to_the_screener(screener, manager, child):
    contact = received_contact(screener, child)
    decide(screener, contact)
    contact.refresh_from_db()
    with pytest.raises(ValidationError):
        decision_return(actor=manager, contact=contact, expected_version=contact.version, comment=" ")
    decision_return(actor=manager, contact=contact, expected_version=contact.version,
                    comment="Three contacts this year: this needs an assessment")
    contact.refresh_from_db()
    assert contact.status == ContactStatus.RECEIVED
    rows, _ = front_door_queue(today=timezone.localdate())
    assert ("Returned by manager", "govuk-tag--pink") in rows[0].flags


def test_a_referral_opens_the_child_in_need_episode_from_the_contact_date(screener, child):
    contact = received_contact(screener, child)
    decision = decide(screener, contact, outcome="referral", level_name="Child in need", primary_need="N1")
    episode = Episode.objects.get(child=child)
    assert decision.status == DecisionStatus.FINAL  # referrals do not wait for a manager by default
    assert episode.referral_date == contact.received_on and episode.referral_source == "2A"
    assert episode.primary_need == "N1"
    assert contact.people.get().episode == episode


def test_a_referral_needs_the_primary_need(screener, child):
    with pytest.raises(ValidationError) as refused:
        decide(screener, received_contact(screener, child), outcome="referral", level_name="Child in need")
    assert "primary_need" in refused.value.message_dict


def test_a_strategy_discussion_opens_the_episode_and_waits_for_child_protection(screener, child):
    contact = received_contact(screener, child)
    decide(screener, contact, outcome="strategy", level_name="Child protection", primary_need="N1")
    assert Episode.objects.filter(child=child, closure_date__isnull=True).count() == 1
    assert [d.contact_id for d in strategy_needed()] == [contact.pk]


def test_a_child_already_open_is_passed_to_their_team_not_referred_again(screener, child):
    first = received_contact(screener, child)
    decide(screener, first, outcome="referral", level_name="Child in need", primary_need="N4")
    second = received_contact(screener, child, concern="A new worry from the school.")
    with pytest.raises(ValidationError) as refused:
        decide(screener, second, outcome="referral", level_name="Child in need", primary_need="N4")
    assert "already has an open episode" in refused.value.message_dict["outcome"][0]
    decision = decide(screener, second, outcome="existing", level_name="Child in need")
    assert decision.contacts_in_year == 2 and not decision.third_contact
    assert second.people.get().episode == Episode.objects.get(child=child)


def test_re_referrals_and_third_contacts_are_flagged_when_deciding(screener, manager, child):
    Episode.objects.create(child=child, referral_date=timezone.localdate() - timedelta(days=200),
                           referral_source="6", primary_need="N1", closure_date=timezone.localdate() - timedelta(
                               days=150), closure_reason="RC8")
    for _ in range(2):
        earlier = received_contact(screener, child)
        decide(manager, earlier)  # a manager's own decision takes effect at once
    third = received_contact(screener, child)
    decision = decide(screener, third, outcome="referral", level_name="Child in need", primary_need="N1")
    assert decision.rereferral and decision.previous_referral_on == timezone.localdate() - timedelta(days=200)
    assert decision.contacts_in_year == 3 and decision.third_contact


def test_a_late_decision_needs_a_reason(screener, child):
    contact = received_contact(screener, child)
    Contact.objects.filter(pk=contact.pk).update(received_on=date(2024, 1, 2), decision_due=date(2024, 1, 3))
    mine = Obligation.objects.filter(source_type="frontdoor.contact", source_id=contact.pk)
    mine.update(start_date=date(2024, 1, 2), due_date=date(2024, 1, 3))
    with pytest.raises(ValidationError) as refused:
        decide(screener, contact, outcome="referral", level_name="Child in need", primary_need="N1")
    assert "working days late" in refused.value.message_dict["late_reason"][0]
    decision = decide(screener, contact, outcome="referral", level_name="Child in need", primary_need="N1",
                      late_reason="Waiting for the police check")
    assert mine.get().late_reason == decision.late_reason


def test_the_authority_chooses_what_needs_authorisation(screener, child, make_user):
    FrontDoorSettings.objects.create(pk=1, authorisation_required_for=["referral"])
    nfa = decide(screener, received_contact(screener, child))
    assert nfa.status == DecisionStatus.FINAL
    referral = decide(screener, received_contact(screener, child), outcome="referral", level_name="Child in need",
                      primary_need="N1")
    assert referral.status == DecisionStatus.PROPOSED and not Episode.objects.exists()


def test_a_decision_made_on_a_stale_screen_is_refused(screener, child):
    contact = received_contact(screener, child)
    opened = contact.version
    contact_person_add(actor=screener, contact=contact, expected_version=opened,
                       data={"role": "child", "first_name": "Jay", "last_name": "Testington"})
    with pytest.raises(ConcurrentEditError):
        decision_record(actor=screener, contact=Contact.objects.get(pk=contact.pk), expected_version=opened,
                        data={"outcome": "nfa", "threshold_level": level("Universal"), "rationale": "x",
                              "nfa_reason": "y"})
