"""The chronology: generated from every dated event, filterable, significance marks audited,
printable as an audited export; the registry's API unchanged."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from lantern.accounts.roles import Role
from lantern.audit_log.models import AuditEvent
from lantern.chronology.models import SignificantEvent
from lantern.chronology.registry import ChronologyEvent, events_for, kinds, register_kind
from lantern.chronology.selectors import chronology_rows
from lantern.chronology.services import event_significance_set
from lantern.cin.services import cin_plan_start
from lantern.referrals.tests.factories import ACTION, authorised_assessment, episode, manager_for
from lantern.visits.services import visit_record


@pytest.fixture
def journey(child, social_worker, team):
    e = episode(social_worker, child)
    assessment = authorised_assessment(social_worker, manager_for(team), child, e)
    plan = cin_plan_start(actor=social_worker, assessment=assessment, start_date=date(2025, 4, 17),
                          outcomes="Fewer arguments.", actions=[ACTION])
    visit_record(actor=social_worker, episode=e, visit_date=date(2025, 5, 9), child_seen=True, seen_alone=True,
                 observations="Calm home.")
    return e, plan


def test_every_kind_of_the_journey_is_in_the_chronology(child, journey):
    e, _ = journey
    found = {ev.kind for ev in events_for(child)}
    assert {"referral", "assessment", "cin_plan", "visit", "allocation"} <= found
    assert {k.kind for k in kinds()} >= {"referral", "closure", "transfer", "assessment", "cin_plan", "cin_review",
                                         "visit", "closure_decision"}
    dates = [ev.on for ev in events_for(child)]
    assert dates == sorted(dates, reverse=True)
    assert [r.event.kind for r in chronology_rows(child, only=["visit"])] == ["visit"]


def test_registry_refuses_a_second_function_for_a_kind():
    with pytest.raises(ValueError):
        register_kind("visit", "Visits", lambda child: iter([ChronologyEvent("visit", "x", date(2025, 1, 1), "t")]))


def test_marking_significance_is_audited_and_checked(child, social_worker, journey, make_user, team):
    e, _ = journey
    mark = event_significance_set(actor=social_worker, child=child, key=f"episode:{e.pk}", significant=True,
                                  note="First referral from school", expected_version=0)
    rows = chronology_rows(child, significant_only=True)
    assert [(r.event.key, r.note) for r in rows] == [(f"episode:{e.pk}", "First referral from school")]
    event_significance_set(actor=social_worker, child=child, key=f"episode:{e.pk}", significant=False,
                           expected_version=mark.version)
    assert not SignificantEvent.objects.filter(is_significant=True).exists()
    assert chronology_rows(child, significant_only=True) == []
    assert AuditEvent.objects.filter(object_type="chronology_event", child_id=child.pk).count() == 2
    with pytest.raises(ValidationError):
        event_significance_set(actor=social_worker, child=child, key="episode:999999", significant=True,
                               expected_version=0)
    with pytest.raises(PermissionDenied):
        event_significance_set(actor=make_user(Role.QA_AUDITOR, team=team), child=child, key=f"episode:{e.pk}",
                               significant=True, expected_version=2)


def test_pages_filter_print_and_mark(client, child, social_worker, journey):
    e, _ = journey
    client.force_login(social_worker)
    page = client.get(f"/children/{child.pk}/chronology/?kind=visit").content.decode()
    assert "Child in need visit: child seen alone" in page and "Referral from" not in page
    printed = client.get(f"/children/{child.pk}/chronology/print/")
    assert printed.status_code == 200 and "chronology/print.css" in printed.content.decode()
    assert AuditEvent.objects.filter(action="export", object_type="chronology", child_id=child.pk).count() == 1
    response = client.post(f"/children/{child.pk}/chronology/significance/?key=episode:{e.pk}",
                           {"significant": "yes", "note": "Start of this episode", "version": 0})
    assert response.status_code == 302
    assert "Significant" in client.get(f"/children/{child.pk}/chronology/?significant=on").content.decode()
    assert client.get(f"/children/{child.pk}/chronology/significance/?key=nope").status_code == 404


def test_chronology_page_queries_do_not_grow_with_the_record(client, child, social_worker, journey,
                                                            django_assert_max_num_queries):
    e, _ = journey
    for n in range(5):
        visit_record(actor=social_worker, episode=e, visit_date=date(2025, 5, 12 + n), child_seen=True,
                     seen_alone=True, observations="Calm.")
    client.force_login(social_worker)
    with django_assert_max_num_queries(40):
        assert client.get(f"/children/{child.pk}/chronology/").status_code == 200
