"""Recording and screening contacts: the checks, matching to records, the clock and the audit trail."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from lantern.accounts.roles import Role
from lantern.audit_log.models import AuditEvent
from lantern.frontdoor.codes import PersonRole
from lantern.frontdoor.models import Contact, ContactPerson
from lantern.frontdoor.services import agency_check_record, contact_child_create, contact_person_link, contact_record
from lantern.frontdoor.testing import CONCERN, received_contact
from lantern.obligations.models import Obligation
from lantern.people.models import Person
from lantern.service_layer.concurrency import ConcurrentEditError
from lantern.testing.factories import ChildFactory

CHILD = [{"role": "child", "first_name": "Amira", "last_name": "Testington"}]


def test_a_recorded_contact_starts_the_one_working_day_clock_and_is_audited(screener):
    contact = contact_record(actor=screener, data=CONCERN, people=CHILD)
    assert contact.status == "received" and contact.received_on == timezone.localdate()
    assert contact.decision_due > contact.received_on
    assert (contact.decision_due - contact.received_on).days <= 4  # 1 working day, a weekend at most between
    event = AuditEvent.objects.get(object_type="contact", object_id=str(contact.pk))
    assert event.action == "create" and event.actor == screener and event.child_id is None


def test_a_contact_without_a_child_or_the_parents_answer_is_refused_and_nothing_is_saved(screener):
    with pytest.raises(ValidationError) as refused:
        contact_record(actor=screener, data={**CONCERN, "discussed_with_parents": False}, people=[])
    assert set(refused.value.message_dict) == {"people", "not_discussed_reason"}
    assert not Contact.objects.exists() and not AuditEvent.objects.exists()


def test_a_contact_cannot_be_received_in_the_future(screener):
    with pytest.raises(ValidationError):
        contact_record(actor=screener, data=CONCERN, people=CHILD, received_at=timezone.now() + timedelta(hours=2))


def test_only_front_door_staff_record_contacts(make_user, social_worker):
    with pytest.raises(PermissionDenied):
        contact_record(actor=social_worker, data=CONCERN, people=CHILD)  # a care management team
    with pytest.raises(PermissionDenied):
        contact_record(actor=make_user(Role.PARTNER_PRACTITIONER), data=CONCERN, people=CHILD)


def test_a_social_worker_in_the_front_door_team_screens(make_user, front_door_team):
    worker = make_user(Role.SOCIAL_WORKER, team=front_door_team)
    assert contact_record(actor=worker, data=CONCERN, people=CHILD).pk


def test_matching_a_child_puts_the_decision_deadline_on_the_childs_work_list(screener, child):
    contact = received_contact(screener, child)
    obligation = Obligation.objects.get(source_type="frontdoor.contact", source_id=contact.pk)
    assert obligation.rule_id == "referral_decision" and obligation.child_id == child.pk
    assert obligation.due_date == contact.decision_due and obligation.met_on is None
    assert obligation.link == f"/front-door/contacts/{contact.pk}/"
    linked = AuditEvent.objects.get(object_type="contact_person", action="update")
    assert linked.child_id == child.pk


def test_a_stale_screen_is_refused(screener, child):
    contact = contact_record(actor=screener, data=CONCERN, people=CHILD)
    mention = contact.people.get()
    contact_person_link(actor=screener, contact=contact, expected_version=1, mention=mention, person=child)
    with pytest.raises(ConcurrentEditError):
        contact_person_link(actor=screener, contact=contact, expected_version=1, mention=mention, person=child)


def test_a_restricted_child_cannot_be_matched_without_access(screener, team):
    hidden = ChildFactory(current_team=team, is_restricted=True)
    contact = contact_record(actor=screener, data=CONCERN, people=CHILD)
    with pytest.raises(PermissionDenied):
        contact_person_link(actor=screener, contact=contact, expected_version=contact.version,
                            mention=contact.people.get(), person=hidden)
    assert ContactPerson.objects.get().person_id is None


def test_an_adult_is_matched_only_to_a_relative_of_a_matched_child(screener, child):
    contact = received_contact(screener, child, adult=True)
    stranger = Person.objects.create(first_name="Una", last_name="Related", is_child_record=False)
    with pytest.raises(ValidationError):
        contact_person_link(actor=screener, contact=contact, expected_version=contact.version,
                            mention=contact.people.get(role=PersonRole.ADULT), person=stranger)


def test_a_new_child_record_is_created_and_matched(screener):
    contact = contact_record(actor=screener, data=CONCERN, people=CHILD)
    data = {"first_name": "Amira", "last_name": "Testington", "date_of_birth": timezone.localdate() - timedelta(
        days=3000), "sex": "F", "ethnicity": "WBRI"}
    mention = contact_child_create(actor=screener, contact=contact, expected_version=contact.version,
                                   mention=contact.people.get(), data=data)
    assert mention.person.is_child_record and mention.person.current_team == screener.team
    assert Obligation.objects.filter(source_type="frontdoor.contact", child=mention.person).exists()


def test_agency_checks_need_an_answer_and_a_sensible_date(screener, child):
    contact = received_contact(screener, child)
    with pytest.raises(ValidationError) as refused:
        agency_check_record(actor=screener, contact=contact, agency_name="", response="",
                            asked_on=timezone.localdate() + timedelta(days=1))
    assert set(refused.value.message_dict) == {"agency_id", "asked_on", "response"}
    check = agency_check_record(actor=screener, contact=contact, agency_name="Health visiting",
                                asked_on=timezone.localdate(), response="Known; missed two appointments.")
    assert check.agency_label == "Health visiting"
