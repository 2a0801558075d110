"""Conferences: a working day, an independent chair, agencies invited, reports in advance and shared
with the parents, attendance warnings, and the chair's decision recorded in time."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from lantern.accounts.roles import AgencyKind, Role
from lantern.obligations.clock import current_clock
from lantern.obligations.models import Obligation
from lantern.testing.factories import AgencyFactory, InvolvementFactory, UserFactory

from ..models import Conference, CpPlan
from ..obligations import CONFERENCE_SOURCE, ENQUIRY_SOURCE
from ..readiness import readiness_for
from ..services import agency_report_submit, conference_arrange, conference_minutes_record, social_work_report_save
from .factories import (
    LATE,
    arranged,
    chair_user,
    concluded_enquiry,
    decide,
    open_episode,
    plan_for_child,
    strategy,
    working_days_ago,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def enquiry(social_worker, manager, child):
    discussion = strategy(social_worker, open_episode(social_worker, child), held_on=working_days_ago(12))
    return concluded_enquiry(social_worker, manager, discussion)


def _arrange(actor, enquiry, chair, on, late_reason=""):
    return conference_arrange(actor=actor, enquiry=enquiry, conference_date=on, chair=chair, late_reason=late_reason)


def _next_saturday():
    day = working_days_ago(-3)
    return day + timedelta(days=(5 - day.weekday()) % 7)


def test_a_conference_is_on_a_working_day_with_an_independent_chair(enquiry, social_worker, chair, manager):
    with pytest.raises(ValidationError) as caught:
        _arrange(social_worker, enquiry, chair, _next_saturday())
    assert "working day" in caught.value.message_dict["conference_date"][0]
    social_worker.line_manager = manager
    social_worker.save()
    manager.line_manager = chair  # a chair in the worker's line-management chain is not independent
    manager.save()
    with pytest.raises(ValidationError) as caught:
        _arrange(social_worker, enquiry, chair, working_days_ago(-2))
    assert "independent" in caught.value.message_dict["chair_id"][0]
    with pytest.raises(ValidationError) as caught:
        _arrange(social_worker, enquiry, social_worker, working_days_ago(-2))
    assert "not a child protection chair" in caught.value.message_dict["chair_id"][0]


def test_a_conference_after_its_15_working_days_needs_a_reason(enquiry, social_worker, chair):
    target = Obligation.objects.get(source_type=ENQUIRY_SOURCE, source_id=enquiry.pk).due_date
    late_day = current_clock().calendar.add_working_days(target, 2)
    with pytest.raises(ValidationError) as caught:
        _arrange(social_worker, enquiry, chair, late_day)
    assert "late" in caught.value.message_dict["late_reason"][0]
    assert not Conference.objects.exists()
    conference = _arrange(social_worker, enquiry, chair, late_day, late_reason="Chair ill; no cover that week")
    assert conference.late_reason == "Chair ill; no cover that week"


def test_the_agencies_involved_are_invited_and_the_report_is_due_before_the_conference(enquiry, social_worker, chair,
                                                                                       child, make_user):
    partner = make_user(Role.PARTNER_PRACTITIONER)
    InvolvementFactory(child=child, agency=partner.agency, practitioner=partner)
    conference = _arrange(social_worker, enquiry, chair, working_days_ago(-2))
    assert sorted(i.agency_kind for i in conference.invitations.all()) == ["csc", "education"]
    report_due = Obligation.objects.get(source_type=CONFERENCE_SOURCE, source_id=conference.pk,
                                        rule_id="conference_report_to_parents").due_date
    assert report_due == current_clock().calendar.add_working_days(conference.conference_date, -2)
    warnings = readiness_for([conference], working_days_ago(0))[0].warnings
    assert "The police are not invited" in warnings and any("No report yet" in w for w in warnings)
    assert any("not been shared with the parents" in w for w in warnings)


def test_the_report_shared_late_needs_a_reason(enquiry, social_worker, chair):
    conference = _arrange(social_worker, enquiry, chair, working_days_ago(-1))
    report = "Findings of the enquiry and my analysis of the risks; I recommend a plan."
    with pytest.raises(ValidationError) as caught:
        social_work_report_save(actor=social_worker, conference=conference, report=report,
                                shared_on=working_days_ago(0), expected_version=conference.version)
    assert "report_late_reason" in caught.value.message_dict
    saved = social_work_report_save(actor=social_worker, conference=conference, report=report,
                                    shared_on=working_days_ago(0), expected_version=conference.version,
                                    late_reason="Mother could not be reached until today")
    assert saved.report_shared_on == working_days_ago(0)
    assert any("late" in w for w in readiness_for([saved], working_days_ago(0))[0].warnings)


def test_a_partner_submits_only_their_own_agency_s_report(enquiry, social_worker, chair, child, make_user):
    partner, other = make_user(Role.PARTNER_PRACTITIONER), make_user(Role.PARTNER_PRACTITIONER)
    for p in (partner, other):
        InvolvementFactory(child=child, agency=p.agency, practitioner=p)
    conference = _arrange(social_worker, enquiry, chair, working_days_ago(-2))
    mine = conference.invitations.get(agency=partner.agency)
    theirs = conference.invitations.get(agency=other.agency)
    text = "Attendance 71% this term; bruising seen twice; she says she is scared of dad."
    assert agency_report_submit(actor=partner, invitation=mine, report=text,
                                expected_version=mine.version).report_submitted_on is not None
    with pytest.raises(PermissionDenied):
        agency_report_submit(actor=partner, invitation=theirs, report=text, expected_version=theirs.version)


def test_the_chair_records_the_decision_and_the_plan_starts_that_day(social_worker, manager, chair, child):
    InvolvementFactory(child=child)  # the school: invited, and so in the first core group
    plan = plan_for_child(social_worker, manager, chair, child)
    conference = Conference.objects.get(pk=plan.conference_id)
    assert plan.start_date == conference.conference_date  # census rule 2885
    assert (plan.initial_category, plan.latest_category, plan.previous_plans) == ("NEG", "NEG", 0)
    assert Obligation.objects.get(source_type=ENQUIRY_SOURCE, source_id=conference.enquiry_id).met_on == \
        conference.conference_date
    assert conference.decision_late_reason == LATE
    assert [m.agency_kind for m in plan.members.all()] == ["csc", "education"]


def test_only_the_conference_s_chair_and_only_once_it_has_been_held(enquiry, social_worker, chair):
    conference = _arrange(social_worker, enquiry, chair, working_days_ago(-2))
    with pytest.raises(ValidationError) as caught:
        decide(chair, conference)
    assert "not been held" in caught.value.messages[0]
    with pytest.raises(PermissionDenied):
        decide(chair_user(), conference)


def test_attendance_warnings_and_a_late_decision_needs_a_reason(enquiry, social_worker, chair):
    conference = arranged(social_worker, chair, enquiry=enquiry, on=working_days_ago(3))
    with pytest.raises(ValidationError) as caught:
        decide(chair, conference, late_reason="")
    assert "late_reason" in caught.value.message_dict
    decided = decide(chair, conference, attended=False, decision="no_plan")
    warnings = readiness_for([decided], working_days_ago(0))[0].warnings
    assert "The police did not attend" in warnings and any("fewer than 3" in w for w in warnings)
    assert not CpPlan.objects.exists()


def test_minutes_late_need_a_reason(social_worker, manager, chair, child):
    conference = plan_for_child(social_worker, manager, chair, child, icpc_days_ago=20).conference
    conference.refresh_from_db()
    with pytest.raises(ValidationError):
        conference_minutes_record(actor=chair, conference=conference, circulated_on=working_days_ago(0),
                                  expected_version=conference.version)
    done = conference_minutes_record(actor=chair, conference=conference, circulated_on=working_days_ago(0),
                                     expected_version=conference.version, late_reason="Minute-taker off sick")
    assert done.minutes_circulated_on == working_days_ago(0)


def test_a_second_plan_counts_the_earlier_ones(social_worker, manager, chair, child):
    first = plan_for_child(social_worker, manager, chair, child, icpc_days_ago=160)
    review = arranged(social_worker, chair, plan=first, on=working_days_ago(90))
    decide(chair, review, decision="end", after_plan="no_services",
           progress={a.pk: {"status": "achieved"} for a in first.actions.all()})
    first.refresh_from_db()
    assert first.end_date == review.conference_date and first.pending_end is None
    discussion = strategy(social_worker, first.episode, held_on=working_days_ago(30))
    enquiry = concluded_enquiry(social_worker, manager, discussion)
    second_icpc = arranged(social_worker, chair, enquiry=enquiry, on=working_days_ago(20))
    decide(chair, second_icpc, category="EMO")
    second = CpPlan.objects.get(conference=second_icpc)
    assert second.previous_plans == 1


def test_the_chairs_decision_ends_a_running_child_in_need_plan_the_same_day(social_worker, manager, chair, child):
    from lantern.cin.models import CinPlan

    episode = open_episode(social_worker, child, working_days_ago(60))
    cin_plan = CinPlan.objects.create(episode=episode, child=child, start_date=working_days_ago(50),
                                      outcomes="Mum's mood improves", created_by=social_worker)
    discussion = strategy(social_worker, episode, held_on=working_days_ago(20))
    conference = arranged(social_worker, chair, enquiry=concluded_enquiry(social_worker, manager, discussion),
                          on=working_days_ago(10))
    decide(chair, conference)
    cin_plan.refresh_from_db()
    assert cin_plan.end_date == conference.conference_date  # the plans touch on one day, never overlap
    assert CpPlan.objects.get(conference=conference).start_date == cin_plan.end_date


def test_a_manager_ending_the_child_in_need_plan_through_the_service(social_worker, manager, child):
    from lantern.cin.models import CinPlan

    from ..services.plan_changes import end_cin_plans

    episode = open_episode(social_worker, child, working_days_ago(60))
    CinPlan.objects.create(episode=episode, child=child, start_date=working_days_ago(50), outcomes="Better",
                           created_by=social_worker)
    assert len(end_cin_plans(manager, child.pk, working_days_ago(5))) == 1
    assert CinPlan.objects.get().end_date == working_days_ago(5)


def test_the_police_agency_is_counted_when_invited_and_attending(enquiry, social_worker, chair):
    police = AgencyFactory(name="Brindleford Police", kind=AgencyKind.POLICE)
    officer = UserFactory(role=Role.PARTNER_PRACTITIONER, team=None, agency=police)
    from ..services import conference_invite

    conference = arranged(social_worker, chair, enquiry=enquiry, on=working_days_ago(2))
    conference_invite(actor=social_worker, conference=conference, agency_kind="police", agency=police,
                      invitee_name=str(officer), invitee=officer)
    decided = decide(chair, conference, decision="no_plan")
    assert "The police did not attend" not in readiness_for([decided], working_days_ago(0))[0].warnings
