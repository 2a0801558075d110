"""The front door pages: the queue's order and query count, GOV.UK errors, and what screening offers."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lantern.frontdoor.models import Contact
from lantern.frontdoor.testing import decide, received_contact
from lantern.testing.factories import ChildFactory


@pytest.fixture
def signed_in(client, screener):
    client.force_login(screener)
    return client


def test_the_queue_puts_overdue_decisions_first_in_a_fixed_number_of_queries(signed_in, screener, team):
    fresh = received_contact(screener, ChildFactory(current_team=team))
    late = received_contact(screener, ChildFactory(current_team=team))
    Contact.objects.filter(pk=late.pk).update(decision_due=timezone.localdate() - timedelta(days=3))
    with CaptureQueriesContext(connection) as few:
        html = signed_in.get("/front-door/").content.decode()
    assert html.index(late.reference) < html.index(fresh.reference) and "Overdue" in html
    for _ in range(5):
        received_contact(screener, ChildFactory(current_team=team))
    with CaptureQueriesContext(connection) as more:
        signed_in.get("/front-door/")
    assert len(more) == len(few)


def test_the_decision_page_shows_gov_uk_errors_and_saves_nothing(signed_in, screener, child):
    contact = received_contact(screener, child)
    html = signed_in.post(f"/front-door/contacts/{contact.pk}/decision/", {"version": contact.version}).content.decode()
    assert "govuk-error-summary" in html and "Select the level of need" in html and "Select the decision" in html
    assert not contact.decisions.exists()


def test_screening_says_it_is_not_an_assessment_and_offers_no_visit(signed_in, screener, child):
    contact = received_contact(screener, child)
    html = signed_in.get(f"/front-door/contacts/{contact.pk}/").content.decode()
    assert "It is not an assessment" in html and "Record the decision" in html
    assert "visit" not in html.lower().replace("do not visit", "").replace("screening does not visit", "")


def test_screening_shows_previous_involvement(signed_in, screener, manager, child):
    earlier = received_contact(screener, child)
    decide(manager, earlier)
    contact = received_contact(screener, child)
    html = signed_in.get(f"/front-door/contacts/{contact.pk}/").content.decode()
    assert earlier.reference in html and "1 in the 12 months before this one" in html


def test_the_decision_records_through_the_page(signed_in, screener, child):
    contact = received_contact(screener, child)
    from lantern.frontdoor.testing import level
    response = signed_in.post(f"/front-door/contacts/{contact.pk}/decision/", {
        "version": contact.version, "threshold_level": level("Child in need").pk, "outcome": "referral",
        "rationale": "Needs to be seen.", "primary_need": "N1"})
    assert response.status_code == 302 and response["Location"] == f"/front-door/contacts/{contact.pk}/"
    screening = signed_in.get(response["Location"]).content.decode()
    assert "Decision recorded: Referral to children&#x27;s social care for assessment" in screening
    assert "child in need episode from" in screening


def test_a_new_child_record_with_a_version_that_is_not_a_number_is_refused_not_a_500(signed_in, screener):
    """Found by probing the pages' forms: int() of a hand-made version failed with a 500."""
    contact = received_contact(screener)
    mention = contact.people.get()
    form = {"first_name": "Amira", "last_name": "Testington", "sex": "F", "ethnicity": "WBRI",
            "date_of_birth_0": "14", "date_of_birth_1": "5", "date_of_birth_2": "2016", "religion": "not_stated",
            "disabilities": ["NONE"], "confirmed_not_duplicate": "on", "version": "x\u0000"}
    signed_in.raise_request_exception = False
    response = signed_in.post(f"/front-door/contacts/{contact.pk}/people/{mention.pk}/new-child-record/", form)
    assert response.status_code == 200 and "Someone else" in response.content.decode()
    mention.refresh_from_db()
    assert mention.person_id is None
