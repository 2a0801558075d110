"""The assessment pages: a task list of sections, each saved on its own page, history beside the
form, and the manager's authorisation."""

from datetime import date

import pytest

from lantern.assessments.models import Assessment
from lantern.people.models import Person
from lantern.referrals.models import Episode
from lantern.referrals.tests.factories import add_father, completed_assessment, episode, manager_for


@pytest.fixture
def signed_in(client, social_worker):
    client.force_login(social_worker)
    return client


def test_starting_and_saving_sections(signed_in, child, social_worker):
    e = episode(social_worker, child)
    father = add_father(social_worker, child)
    response = signed_in.post(f"/children/{child.pk}/episodes/{e.pk}/assessments/new/",
                              {"started_on_0": "4", "started_on_1": "3", "started_on_2": "2025"})
    a = Assessment.objects.get()
    assert response["Location"] == f"/children/{child.pk}/assessments/{a.pk}/"
    task_list = signed_in.get(response["Location"]).content.decode()
    assert "You have completed 0 of 8 sections" in task_list and "govuk-task-list" in task_list
    url = f"/children/{child.pk}/assessments/{a.pk}/family/"
    form = signed_in.get(url).content.decode()
    assert "Did Daniel" in form and "Male carer" in form
    refused = signed_in.post(url, {"version": a.version}).content.decode()
    assert f"#id_engaged_{father.relative_id}" in refused and "Select whether Daniel" in refused
    ok = signed_in.post(url, {"version": a.version, f"engaged_{father.relative_id}": "no",
                              f"note_{father.relative_id}": "He works away; we spoke by phone twice."})
    assert ok.status_code == 302
    stale = signed_in.post(url, {"version": a.version, f"engaged_{father.relative_id}": "yes"}).content.decode()
    assert "Someone else saved changes to this assessment" in stale


def test_history_is_beside_the_form(signed_in, child, social_worker):
    Person.objects.filter(pk=child.pk).update(date_of_birth=date(2015, 1, 1))
    old = episode(social_worker, child, date(2023, 2, 6))
    Episode.objects.filter(pk=old.pk).update(closure_date=date(2023, 3, 1), closure_reason="RC7")
    a = completed_assessment(social_worker, child, episode(social_worker, child))
    html = signed_in.get(f"/children/{child.pk}/assessments/{a.pk}/history/").content.decode()
    assert "Earlier episodes" in html and "Referral 6 Feb 2023" in html and "Read the full chronology" in html


def test_submit_and_authorise_through_the_pages(client, child, social_worker, team):
    a = completed_assessment(social_worker, child, episode(social_worker, child))
    client.force_login(social_worker)
    assert client.post(f"/children/{child.pk}/assessments/{a.pk}/submit/", {"version": a.version}).status_code == 302
    client.force_login(manager_for(team))
    page = f"/children/{child.pk}/assessments/{a.pk}/authorise/"
    assert "Met him twice." in client.get(page).content.decode()
    a.refresh_from_db()
    late = client.post(page, {"version": a.version, "decision": "authorise", "authorised_on_0": "12",
                              "authorised_on_1": "5", "authorised_on_2": "2025", "rationale": "Good analysis."})
    assert "2 working days late: say why" in late.content.decode()
    done = client.post(page, {"version": a.version, "decision": "authorise", "authorised_on_0": "10",
                              "authorised_on_1": "4", "authorised_on_2": "2025", "rationale": "Good analysis."})
    assert done.status_code == 302
    a.refresh_from_db()
    assert a.status == "authorised" and a.authorised_on == date(2025, 4, 10)
    detail = client.get(f"/children/{child.pk}/assessments/{a.pk}/").content.decode()
    assert "none has started yet" in detail
