"""The pages: GOV.UK errors, nothing half-saved, duplicate checks, concurrent edits, the summary."""

from datetime import date

import pytest
from django.core.cache import cache

from lantern.accounts.roles import Role
from lantern.audit_log.models import AuditEvent
from lantern.people.models import Person, Relationship
from lantern.testing.factories import ChildFactory, InvolvementFactory, UserFactory

CHILD_FORM = {"first_name": "Harpreet", "last_name": "Quenby", "date_of_birth_0": "3", "date_of_birth_1": "2",
              "date_of_birth_2": "2018", "sex": "F", "ethnicity": "AIND", "religion": "sikh",
              "disabilities": ["NONE"]}


@pytest.fixture
def signed_in(client, social_worker):
    client.force_login(social_worker)
    return client


def test_empty_family_member_form_shows_gov_uk_errors_and_saves_nothing(signed_in, child):
    response = signed_in.post(f"/children/{child.pk}/family/new/", {})
    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in html and 'href="#id_first_name"' in html
    assert "Enter the first name" in html and "Select the relationship to the child" in html
    assert "<title>Error:" in html
    assert not Relationship.objects.exists()


def test_impossible_date_is_explained(signed_in):
    response = signed_in.post("/children/new/", {**CHILD_FORM, "date_of_birth_0": "31", "date_of_birth_1": "2"})
    assert "Date of birth must be a real date" in response.content.decode()
    assert not Person.objects.filter(last_name="Quenby").exists()


def test_record_a_child_shows_likely_duplicates_first(signed_in, team):
    existing = ChildFactory(first_name="Harpreet", last_name="Quenby", date_of_birth=date(2018, 2, 3),
                            current_team=team)
    first = signed_in.post("/children/new/", CHILD_FORM)
    assert "This child may already have a record" in first.content.decode()
    assert Person.objects.filter(last_name="Quenby").count() == 1
    confirmed = signed_in.post("/children/new/", {**CHILD_FORM, "confirmed_not_duplicate": "on"})
    created = Person.objects.exclude(pk=existing.pk).get(last_name="Quenby")
    assert confirmed.status_code == 302 and confirmed["Location"] == f"/children/{created.pk}/"
    assert AuditEvent.objects.filter(action="duplicate_check").count() == 1


def test_second_of_two_concurrent_page_edits_is_refused_with_a_clear_message(client, child, social_worker, team):
    colleague = UserFactory(role=Role.SOCIAL_WORKER, team=team)
    form = {**CHILD_FORM, "first_name": child.first_name, "last_name": child.last_name, "date_of_birth_0": "14",
            "date_of_birth_1": "5", "date_of_birth_2": "2016", "version": child.version}
    client.force_login(social_worker)
    assert client.post(f"/children/{child.pk}/edit/", {**form, "first_language": "Panjabi"}).status_code == 302
    client.force_login(colleague)
    response = client.post(f"/children/{child.pk}/edit/", {**form, "first_language": "Urdu"})
    assert "Someone else saved changes to this record after you opened it" in response.content.decode()
    child.refresh_from_db()
    assert child.first_language == "Panjabi"


def test_summary_names_male_carers_and_counts_worker_changes(signed_in, child, social_worker):
    signed_in.post(f"/children/{child.pk}/family/new/", {"first_name": "Dean", "last_name": "Quenby", "sex": "M",
                                                         "relationship_type": "stepfather",
                                                         "lives_with_child": "on"})
    html = signed_in.get(f"/children/{child.pk}/").content.decode()
    assert "Stepfather (male carer)" in html and "Male carer" in html and "Lives with the child" in html
    assert AuditEvent.objects.filter(child_id=child.pk, action="view").count() == 1


def _queries(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_summary_page_query_count_does_not_grow_with_the_record(signed_in, child):
    url = f"/children/{child.pk}/"
    signed_in.get(url)  # loads the calendar once; later pages reuse it
    small = _queries(signed_in, url)
    for n in range(6):
        signed_in.post(f"/children/{child.pk}/family/new/", {"first_name": f"Sib{n}", "last_name": "Quenby",
                                                             "sex": "U", "relationship_type": "sibling"})
        signed_in.post(f"/children/{child.pk}/professionals/new/", {
            "agency": InvolvementFactory().agency_id, "practitioner_name": f"P{n}", "role": "School nurse",
            "start_date_0": "1", "start_date_1": "9", "start_date_2": "2025"})
    assert child.relationships.count() == 6 and child.involvements.count() == 6
    assert _queries(signed_in, url) == small
    assert small <= 30  # every panel of the summary together, not one query per row


def test_manager_sees_who_has_looked(client, child, social_worker, make_user, team):
    client.force_login(social_worker)
    client.get(f"/children/{child.pk}/")
    manager = make_user(Role.TEAM_MANAGER, team=team)
    client.force_login(manager)
    html = client.get(f"/children/{child.pk}/access-log/").content.decode()
    assert str(social_worker) in html and "summary; basis: team" in html


def test_sign_in_is_throttled_after_ten_failures(client, social_worker):
    cache.clear()
    for _ in range(10):
        client.post("/sign-in/", {"username": social_worker.username, "password": "wrong-password-here"})
    response = client.post("/sign-in/", {"username": social_worker.username, "password": "correct-horse-battery"})
    assert "Too many failed attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session
    cache.clear()
    assert client.post("/sign-in/", {"username": social_worker.username,
                                     "password": "correct-horse-battery"}).status_code == 302


def test_a_sibling_with_their_own_record_is_linked_by_lantern_id(signed_in, child, team, make_user):
    sibling = ChildFactory(first_name="Mo", last_name="Quenby", current_team=team)
    elsewhere = ChildFactory(current_team=make_user(Role.SOCIAL_WORKER).team)
    hidden = signed_in.post(f"/children/{child.pk}/family/link/", {"relative_id": elsewhere.lantern_id,
                                                                   "relationship_type": "sibling"})
    assert "No person you can see has that Lantern ID" in hidden.content.decode()
    response = signed_in.post(f"/children/{child.pk}/family/link/", {"relative_id": sibling.lantern_id.lower(),
                                                                     "relationship_type": "sibling",
                                                                     "lives_with_child": "on"})
    assert response.status_code == 302
    assert child.relationships.get().relative == sibling
    again = signed_in.post(f"/children/{child.pk}/family/link/", {"relative_id": sibling.lantern_id,
                                                                  "relationship_type": "sibling"})
    assert "This relationship is already recorded" in again.content.decode()


@pytest.mark.parametrize("year", ["0209", "1899", "2101"])
def test_a_date_outside_1900_to_2100_is_explained_on_the_field(signed_in, year):
    """Found by a hostile-insider probe: the API refused it with a 500; the page must explain it."""
    response = signed_in.post("/children/new/", {**CHILD_FORM, "date_of_birth_2": year})
    assert response.status_code == 200
    assert "Date of birth must be between 1900 and 2100" in response.content.decode()
    assert not Person.objects.filter(last_name="Quenby").exists()


def test_search_text_with_a_nul_character_is_explained_not_a_500(signed_in, child):
    response = signed_in.get("/children/?q=Ami%00ra")
    html = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in html and "Null characters are not allowed" in html
