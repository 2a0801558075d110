"""The referral and episode pages: GOV.UK errors, nothing half-saved, the audit trail."""

from datetime import date

import pytest

from lantern.audit_log.models import AuditEvent
from lantern.people.models import Allocation
from lantern.referrals.models import Episode, Transfer
from lantern.testing.factories import UserFactory

from .factories import episode, manager_for


@pytest.fixture
def signed_in(client, social_worker):
    client.force_login(social_worker)
    return client


def test_recording_a_referral_directly(signed_in, child):
    empty = signed_in.post(f"/children/{child.pk}/referrals/new/", {})
    html = empty.content.decode()
    assert "govuk-error-summary" in html and "Select where the referral came from" in html
    assert "<title>Error:" in html and not Episode.objects.exists()
    nfa_missing_need = signed_in.post(f"/children/{child.pk}/referrals/new/", {
        "referral_date_0": "3", "referral_date_1": "3", "referral_date_2": "2025", "referral_source": "3A"})
    assert "census rule 8610" in nfa_missing_need.content.decode()
    response = signed_in.post(f"/children/{child.pk}/referrals/new/", {
        "referral_date_0": "3", "referral_date_1": "3", "referral_date_2": "2025", "referral_source": "3A",
        "primary_need": "N4"})
    e = Episode.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/children/{child.pk}/episodes/{e.pk}/"


def test_the_episode_page_shows_the_spine_and_changes_of_worker(signed_in, child, social_worker):
    e = episode(social_worker, child)
    Allocation.objects.create(child=child, team=child.current_team, worker=UserFactory(team=child.current_team),
                              start_date=date(2025, 1, 1), end_date=date(2025, 2, 1))
    html = signed_in.get(f"/children/{child.pk}/episodes/{e.pk}/").content.decode()
    assert "Child in need episode from 3 March 2025" in html
    assert "Changes of worker</dt><dd class=\"govuk-summary-list__value\">1" in html
    assert "Child and family assessment" in html and "Start a child and family assessment" in html
    assert AuditEvent.objects.filter(object_type="episode", action="view", child_id=child.pk).count() == 1
    summary = signed_in.get(f"/children/{child.pk}/").content.decode()
    assert f"/children/{child.pk}/episodes/{e.pk}/" in summary and "Record a referral" in summary


def test_an_episode_of_another_child_is_not_found(signed_in, child, social_worker, team):
    from lantern.testing.factories import ChildFactory

    other = ChildFactory(current_team=team, current_worker=social_worker)
    e = episode(social_worker, other)
    assert signed_in.get(f"/children/{child.pk}/episodes/{e.pk}/").status_code == 404


def test_transfer_pages(client, child, social_worker, team, other_team):
    Allocation.objects.filter(child=child).update(start_date=date(2025, 1, 6))
    e = episode(social_worker, child)
    client.force_login(social_worker)
    form = {"to_team": other_team.pk, "transfer_date_0": "14", "transfer_date_1": "4", "transfer_date_2": "2025",
            "summary": "Assessment done; plan agreed.", "risk_evaluation": "short"}
    assert "Write a fuller current evaluation of risk" in client.post(
        f"/children/{child.pk}/episodes/{e.pk}/transfer/", form).content.decode()
    form["risk_evaluation"] = "Moderate: dad's drinking is the main worry; mum protective; school alert."
    assert client.post(f"/children/{child.pk}/episodes/{e.pk}/transfer/", form).status_code == 302
    transfer = Transfer.objects.get()
    client.force_login(manager_for(team))
    page = client.get(f"/children/{child.pk}/transfers/{transfer.pk}/").content.decode()
    assert "dad&#x27;s drinking" in page
    response = client.post(f"/children/{child.pk}/transfers/{transfer.pk}/",
                           {"decision": "approve", "rationale": "Long-term work belongs in care management."})
    assert response.status_code == 302
    child.refresh_from_db()
    assert child.current_team_id == other_team.pk


def test_episode_page_queries_do_not_grow_with_the_episode(signed_in, child, social_worker, team,
                                                            django_assert_max_num_queries):
    from lantern.cin.services import cin_plan_start
    from lantern.visits.services import visit_record

    from .factories import ACTION, authorised_assessment

    e = episode(social_worker, child)
    assessment = authorised_assessment(social_worker, manager_for(team), child, e)
    cin_plan_start(actor=social_worker, assessment=assessment, start_date=date(2025, 4, 17), outcomes="Calmer.",
                   actions=[ACTION])
    for n in range(6):
        visit_record(actor=social_worker, episode=e, visit_date=date(2025, 4, 22 + n), child_seen=True,
                     seen_alone=True, observations="Calm.")
    url = f"/children/{child.pk}/episodes/{e.pk}/"
    signed_in.get(url)  # loads the calendar once; later pages reuse it
    # 25 today, whatever the number of visits; a little room for other parts' episode panels.
    with django_assert_max_num_queries(28):
        assert signed_in.get(url).status_code == 200
