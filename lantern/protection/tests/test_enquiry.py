"""Section 47 enquiries: only registered social workers lead and visit (out of hours included), the
outcome is a manager's decision resting on the visit and the assessment of risk, and written
agreements follow a recorded assessment of risk with a professional checking them."""

from datetime import time

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from lantern.accounts.roles import Qualification, Role, TeamKind
from lantern.obligations.clock import current_clock
from lantern.obligations.models import Obligation
from lantern.service_layer.concurrency import ConcurrentEditError
from lantern.testing.factories import TeamFactory, UserFactory

from ..models import EnquiryVisit
from ..obligations import ENQUIRY_SOURCE
from ..services import (
    enquiry_conclude,
    enquiry_lead_allocate,
    enquiry_risk_record,
    enquiry_visit_record,
    written_agreement_decide,
    written_agreement_propose,
)
from .factories import RISK, concluded_enquiry, open_episode, strategy, working_days_ago

pytestmark = pytest.mark.django_db


@pytest.fixture
def enquiry(social_worker, child):
    return strategy(social_worker, open_episode(social_worker, child), held_on=working_days_ago(3)).enquiry


@pytest.fixture
def edt_unqualified(db):
    return UserFactory(role=Role.SOCIAL_WORKER, team=TeamFactory(kind=TeamKind.EMERGENCY_DUTY),
                       qualification=Qualification.UNQUALIFIED, swe_registration="")


def _visit(actor, enquiry, **kwargs):
    values = {"visit_date": enquiry.start_date, "visit_time": time(21, 30), "visited_by": actor, "child_seen": True,
              "seen_alone": True, "notes": "Seen in her bedroom; bruise photographed with consent.", **kwargs}
    return enquiry_visit_record(actor=actor, enquiry=enquiry, **values)


def test_an_unqualified_worker_cannot_make_an_enquiry_visit_even_out_of_hours(enquiry, edt_unqualified,
                                                                              social_worker):
    with pytest.raises(ValidationError) as caught:
        _visit(social_worker, enquiry, visited_by=edt_unqualified)
    assert "out of hours included" in caught.value.message_dict["visited_by_id"][0]
    with pytest.raises(ValidationError):
        _visit(edt_unqualified, enquiry)
    assert not EnquiryVisit.objects.exists()


def test_a_registered_worker_s_evening_visit_is_out_of_hours_and_the_child_seen_is_recorded(enquiry, social_worker):
    visit = _visit(social_worker, enquiry)
    assert visit.out_of_hours
    enquiry.refresh_from_db()
    assert (enquiry.child_seen_on, enquiry.seen_alone) == (enquiry.start_date, True)
    day_visit = _visit(social_worker, enquiry, visit_time=time(11, 0), seen_alone=False,
                       not_seen_alone_reason="Mother would not leave the room")
    assert day_visit.out_of_hours == (not current_clock().calendar.is_working_day(day_visit.visit_date))


def test_not_seen_and_not_alone_need_reasons(enquiry, social_worker):
    with pytest.raises(ValidationError) as caught:
        _visit(social_worker, enquiry, child_seen=False)
    assert "not_seen_reason" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        _visit(social_worker, enquiry, seen_alone=False)
    assert "not_seen_alone_reason" in caught.value.message_dict


def test_only_a_registered_worker_can_be_given_the_lead_and_a_stale_change_is_refused(enquiry, manager, team,
                                                                                      edt_unqualified):
    with pytest.raises(ValidationError):
        enquiry_lead_allocate(actor=manager, enquiry=enquiry, lead_worker=edt_unqualified,
                              expected_version=enquiry.version)
    senior = UserFactory(role=Role.SENIOR_PRACTITIONER, team=team)
    stale = enquiry.version
    updated = enquiry_lead_allocate(actor=manager, enquiry=enquiry, lead_worker=senior,
                                    expected_version=enquiry.version)
    assert updated.lead_worker == senior
    with pytest.raises(ConcurrentEditError):
        enquiry_lead_allocate(actor=manager, enquiry=enquiry, lead_worker=senior, expected_version=stale)


def test_the_outcome_is_a_manager_s_decision_after_the_visit_and_the_assessment_of_risk(enquiry, social_worker,
                                                                                        manager):
    def conclude(actor, e):
        return enquiry_conclude(actor=actor, enquiry=e, outcome="nfa", rationale="No evidence of harm; dad's "
                                "account fits.", completed_on=e.start_date, expected_version=e.version)

    with pytest.raises(ValidationError) as caught:
        conclude(manager, enquiry)
    assert "visit" in caught.value.messages[0]
    _visit(social_worker, enquiry)
    enquiry.refresh_from_db()
    with pytest.raises(ValidationError) as caught:
        conclude(manager, enquiry)
    assert "assessment of risk" in caught.value.messages[0]
    enquiry = enquiry_risk_record(actor=social_worker, enquiry=enquiry, risk_assessment=RISK,
                                  expected_version=enquiry.version)
    with pytest.raises(PermissionDenied):
        conclude(social_worker, enquiry)
    done = conclude(manager, enquiry)
    assert (done.outcome, done.decided_by) == ("nfa", manager)
    icpc = Obligation.objects.get(source_type=ENQUIRY_SOURCE, source_id=enquiry.pk)
    assert icpc.withdrawn_on == enquiry.start_date and icpc.met_on is None


def test_a_conference_outcome_keeps_the_conference_deadline_open(social_worker, manager, child):
    discussion = strategy(social_worker, open_episode(social_worker, child), held_on=working_days_ago(3))
    enquiry = concluded_enquiry(social_worker, manager, discussion)
    icpc = Obligation.objects.get(source_type=ENQUIRY_SOURCE, source_id=enquiry.pk)
    assert icpc.withdrawn_on is None and icpc.met_on is None


def _agreement(actor, enquiry, monitored_by="Health visitor, Ms Okoro"):
    return written_agreement_propose(actor=actor, enquiry=enquiry, terms="Dad will not stay at the house while "
                                     "the enquiry continues.", monitored_by=monitored_by,
                                     monitoring="Unannounced visits twice a week",
                                     review_on=working_days_ago(-10))


def test_a_written_agreement_follows_the_assessment_of_risk_and_a_manager_s_decision(enquiry, social_worker, manager):
    with pytest.raises(ValidationError) as caught:
        _agreement(social_worker, enquiry)
    assert "assessment of risk" in caught.value.messages[0]
    enquiry = enquiry_risk_record(actor=social_worker, enquiry=enquiry, risk_assessment=RISK,
                                  expected_version=enquiry.version)
    with pytest.raises(ValidationError) as caught:
        _agreement(social_worker, enquiry, monitored_by="The parents")
    assert "cannot check their own" in caught.value.message_dict["monitored_by"][0]
    agreement = _agreement(social_worker, enquiry)
    assert agreement.status == "proposed"
    with pytest.raises(PermissionDenied):
        written_agreement_decide(actor=social_worker, agreement=agreement, approve=True, rationale="Seems fine to me")
    decided = written_agreement_decide(actor=manager, agreement=agreement, approve=True,
                                       rationale="Risk is managed with the visits in place.")
    assert (decided.status, decided.decided_by) == ("agreed", manager)
