"""Every screening action the pages offer, through the API: the same services, refusals and audit."""

from datetime import date

import pytest
from django.utils import timezone

from lantern.accounts.roles import Role
from lantern.audit_log.models import AuditEvent
from lantern.frontdoor.codes import PersonRole
from lantern.frontdoor.models import DomesticAbuseNotification, FrontDoorSettings, ThresholdLevel
from lantern.frontdoor.testing import received_contact
from lantern.people.models import Person, Relationship
from lantern.testing.api import bearer
from lantern.testing.factories import AgencyFactory, ChildFactory


@pytest.fixture
def call(client):
    def send(method, path, user, body=None):
        return getattr(client, method)(f"/api/v1{path}", body, content_type="application/json", **bearer(user))
    return send


@pytest.fixture
def worker(make_user, team):
    return make_user(Role.SOCIAL_WORKER, team=team)


def _person(contact, role):
    return contact.people.get(role=role)


def test_a_screener_adds_a_person_to_a_contact_and_a_social_worker_may_not(call, screener, worker, child):
    contact = received_contact(screener, child)
    body = {"role": "adult", "first_name": "Dana", "last_name": "Testington", "relationship": "mother",
            "version": contact.version}
    assert call("post", f"/frontdoor/contacts/{contact.pk}/people", worker, body).status_code == 403
    added = call("post", f"/frontdoor/contacts/{contact.pk}/people", screener, body)
    assert added.status_code == 201 and added.json()["first_name"] == "Dana" and added.json()["person_id"] is None
    assert call("post", f"/frontdoor/contacts/{contact.pk}/people", screener, body).status_code == 409  # stale


def test_matching_a_named_child_to_a_record_and_refusing_one_that_cannot_be_opened(call, screener, worker, child):
    contact = received_contact(screener)
    mention = _person(contact, PersonRole.CHILD)
    url = f"/frontdoor/contacts/{contact.pk}/people/{mention.pk}/match"
    assert call("post", url, worker, {"person_id": child.pk, "version": contact.version}).status_code == 403
    missing = call("post", url, screener, {"person_id": child.pk + 999, "version": contact.version})
    assert missing.status_code == 422 and list(missing.json()["errors"]) == ["person_id"]
    matched = call("post", url, screener, {"person_id": child.pk, "version": contact.version})
    assert matched.status_code == 200 and matched.json()["person_id"] == child.pk
    assert AuditEvent.objects.filter(object_type="contact_person", object_id=str(mention.pk), via="api").exists()


def test_a_new_child_record_for_a_named_child(call, screener, worker):
    contact = received_contact(screener)
    mention = _person(contact, PersonRole.CHILD)
    url = f"/frontdoor/contacts/{contact.pk}/people/{mention.pk}/child-record"
    body = {"first_name": "Amira", "last_name": "Testington", "date_of_birth": "2016-05-14", "sex": "F",
            "version": contact.version}
    assert call("post", url, worker, body).status_code == 403
    made = call("post", url, screener, body)
    assert made.status_code == 201
    assert Person.objects.get(pk=made.json()["person_id"]).last_name == "Testington"


def test_a_named_adult_becomes_a_family_member_of_the_matched_child(call, screener, worker, child):
    contact = received_contact(screener, child, adult=True)
    adult = _person(contact, PersonRole.ADULT)
    url = f"/frontdoor/contacts/{contact.pk}/people/{adult.pk}/family-member"
    body = {"child_id": child.pk, "relationship_type": "mother", "lives_with_child": True,
            "version": contact.version}
    assert call("post", url, worker, body).status_code == 403
    wrong_child = call("post", url, screener, {**body, "child_id": ChildFactory().pk})
    assert wrong_child.status_code == 422 and list(wrong_child.json()["errors"]) == ["child_id"]
    made = call("post", url, screener, body)
    assert made.status_code == 201
    assert Relationship.objects.filter(child=child, relative_id=made.json()["person_id"]).exists()


def test_an_agency_check_is_recorded_with_errors_under_the_request_fields(call, screener, worker, child):
    contact = received_contact(screener, child)
    url = f"/frontdoor/contacts/{contact.pk}/agency-checks"
    agency = AgencyFactory()
    body = {"agency_id": agency.pk, "asked_on": str(timezone.localdate()), "response": "Known to school: no worries."}
    assert call("post", url, worker, body).status_code == 403
    neither = call("post", url, screener, {**body, "agency_id": None})
    assert neither.status_code == 422 and list(neither.json()["errors"]) == ["agency_id"]
    made = call("post", url, screener, body)
    assert made.status_code == 201 and made.json()["agency"] == agency.name


def _notification(**changes) -> DomesticAbuseNotification:
    values = {"police_reference": "WM/25/000777", "incident_date": timezone.localdate(),
              "received_at": timezone.now(), "received_on": timezone.localdate(), "victim_name": "Sam Example",
              "address": "1 Test Street, Brindleford", "children_reported": "Y", "police_risk": "high", **changes}
    return DomesticAbuseNotification.objects.create(**values)


def test_triage_and_the_marac_outcome_through_the_api(call, screener, worker):
    n = _notification()
    url = f"/frontdoor/notifications/{n.pk}"
    assert call("get", url, worker).status_code == 403
    assert call("get", url, screener).json()["victim_name"] == "Sam Example"
    triage = {"version": n.version, "risk_level": "high", "children_present": True, "raise_contact": True}
    assert call("post", f"{url}/triage", worker, triage).status_code == 403
    refused = call("post", f"{url}/triage", screener, triage)
    assert refused.status_code == 422 and list(refused.json()["errors"]) == ["marac_referred"]
    done = call("post", f"{url}/triage", screener, {**triage, "marac_referred": True})
    assert done.status_code == 200 and done.json()["status"] == "contact_raised" and done.json()["contact_id"]
    marac = {"version": done.json()["version"], "outcome": "action_plan", "marac_date": str(date.today())}
    assert call("post", f"{url}/marac-outcome", worker, marac).status_code == 403
    heard = call("post", f"{url}/marac-outcome", screener, marac)
    assert heard.status_code == 200 and heard.json()["marac_outcome"] == "action_plan"
    waiting = call("get", "/frontdoor/notifications?status=new", screener).json()["items"]
    assert n.pk not in [w["id"] for w in waiting]


def test_threshold_levels_and_authorisation_settings_are_configured_through_the_api(call, make_user, screener):
    manager = make_user(Role.SERVICE_MANAGER)
    level = {"name": "Targeted support", "order": 9, "descriptor": "Needs a coordinated offer of help.",
             "allowed_outcomes": ["early_help"]}
    assert call("post", "/frontdoor/thresholds", screener, level).status_code == 403
    made = call("post", "/frontdoor/thresholds", manager, level)
    assert made.status_code == 201 and ThresholdLevel.objects.filter(name="Targeted support").exists()
    version = call("get", "/frontdoor/settings", manager).json()["version"]
    body = {"authorisation_required_for": ["nfa"], "version": version}
    assert call("put", "/frontdoor/settings", screener, body).status_code == 403
    changed = call("put", "/frontdoor/settings", manager, body)
    assert changed.status_code == 200 and FrontDoorSettings.current().authorisation_required_for == ["nfa"]
