"""Every child protection action a page offers, through the API: a role the page allows succeeds, one
it refuses is refused, and what was recorded can be read back."""

import pytest

from lantern.accounts.roles import Role
from lantern.audit_log.models import AuditEvent
from lantern.cin.models import CinPlan
from lantern.testing.api import bearer
from lantern.testing.factories import InvolvementFactory

from ..models import CoreGroup, CpVisit
from .factories import arranged, concluded_enquiry, decide, open_episode, plan_for_child, strategy, working_days_ago

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(client):
    def send(method, path, user, body=None):
        return getattr(client, method)(f"/api/v1{path}", body, content_type="application/json", **bearer(user))
    return send


@pytest.fixture
def plan(social_worker, manager, chair, child):
    return plan_for_child(social_worker, manager, chair, child)


@pytest.fixture
def enquiry(social_worker, child):
    return strategy(social_worker, open_episode(social_worker, child)).enquiry


def test_a_manager_changes_the_enquiry_lead_and_a_social_worker_may_not(call, enquiry, social_worker, manager,
                                                                         make_user, team):
    senior = make_user(Role.SENIOR_PRACTITIONER, team=team)
    body = {"lead_worker_id": senior.pk, "version": enquiry.version}
    assert call("post", f"/enquiries/{enquiry.pk}/lead", social_worker, body).status_code == 403
    changed = call("post", f"/enquiries/{enquiry.pk}/lead", manager, body)
    assert changed.status_code == 200 and changed.json()["lead_worker_id"] == senior.pk


def test_an_enquiry_visit_is_read_back_and_kept_from_partners(call, enquiry, social_worker, make_user, child):
    body = {"visit_date": working_days_ago(0).isoformat(), "visit_time": "16:30", "visited_by_id": social_worker.pk,
            "child_seen": True, "seen_alone": True, "notes": "Seen at home with mum; bedroom fine."}
    partner = make_user(Role.PARTNER_PRACTITIONER)
    InvolvementFactory(child=child, agency=partner.agency, practitioner=partner)
    assert call("post", f"/enquiries/{enquiry.pk}/enquiry-visits", partner, body).status_code == 403
    made = call("post", f"/enquiries/{enquiry.pk}/enquiry-visits", social_worker, body)
    assert made.status_code == 201 and made.json()["notes"] == body["notes"]
    one = call("get", f"/enquiry-visits/{made.json()['id']}", social_worker).json()
    listed = call("get", f"/enquiries/{enquiry.pk}/enquiry-visits", social_worker).json()
    assert one == made.json() and listed["items"] == [one] and listed["next"] is None
    assert call("get", f"/enquiry-visits/{one['id']}", partner).status_code == 403
    assert AuditEvent.objects.filter(object_type="s47_visit", object_id=str(one["id"]), action="view").exists()


def test_a_written_agreement_is_proposed_decided_and_read_back(call, enquiry, social_worker, manager, chair):
    enquiry_risk = {"risk_assessment": "Risk from father's temper; mother protective and engaged with support.",
                    "version": enquiry.version}
    assert call("post", f"/enquiries/{enquiry.pk}/risk", social_worker, enquiry_risk).status_code == 200
    body = {"terms": "Dad will not stay overnight while the enquiry continues.", "monitored_by": "the parents",
            "monitoring": "Unannounced visits", "review_on": working_days_ago(-10).isoformat()}
    assert call("post", f"/enquiries/{enquiry.pk}/written-agreements", chair, body).status_code == 403
    family = call("post", f"/enquiries/{enquiry.pk}/written-agreements", social_worker, body)
    assert family.status_code == 422 and list(family.json()["errors"]) == ["monitored_by"]
    made = call("post", f"/enquiries/{enquiry.pk}/written-agreements", social_worker,
                {**body, "monitored_by": "Health visitor, Ms Okoro"})
    assert made.status_code == 201 and made.json()["status"] == "proposed"
    decision = {"approve": True, "rationale": "A professional checks it and the risk assessment supports it."}
    url = f"/written-agreements/{made.json()['id']}"
    assert call("post", f"{url}/decision", social_worker, decision).status_code == 403
    assert call("post", f"{url}/decision", manager, decision).json()["status"] == "agreed"
    assert call("get", url, social_worker).json()["decided_by_id"] == manager.pk
    listed = call("get", f"/enquiries/{enquiry.pk}/written-agreements?status=agreed", social_worker).json()
    assert [a["id"] for a in listed["items"]] == [made.json()["id"]]


def test_agencies_are_invited_to_a_conference_by_those_who_arrange_it(call, plan, social_worker, chair, make_user,
                                                                      child):
    review = arranged(social_worker, chair, plan=plan, on=working_days_ago(-5))
    body = {"agency_kind": "housing", "invitee_name": "Brindleford Homes tenancy officer"}
    partner = make_user(Role.PARTNER_PRACTITIONER)
    InvolvementFactory(child=child, agency=partner.agency, practitioner=partner)
    assert call("post", f"/conferences/{review.pk}/invitations", partner, body).status_code in (403, 404)
    made = call("post", f"/conferences/{review.pk}/invitations", social_worker, body)
    assert made.status_code == 201 and made.json()["agency_kind"] == "housing"
    invited = call("get", f"/conferences/{review.pk}", social_worker).json()["invitations"]
    assert made.json()["id"] in [i["id"] for i in invited]


def test_core_group_members_meetings_and_visits_through_the_api(call, plan, social_worker, manager, make_user,
                                                                child):
    member = {"agency_kind": "education", "name": "Ms Hale", "role": "Designated safeguarding lead"}
    partner = make_user(Role.PARTNER_PRACTITIONER)
    InvolvementFactory(child=child, agency=partner.agency, practitioner=partner)
    assert call("post", f"/cp-plans/{plan.pk}/members", partner, member).status_code in (403, 404)
    added = call("post", f"/cp-plans/{plan.pk}/members", social_worker, member)
    assert added.status_code == 201
    members = call("get", f"/cp-plans/{plan.pk}/members", social_worker).json()["items"]
    assert added.json()["id"] in [m["id"] for m in members]
    actions = list(plan.actions.all())
    meeting = {"held_on": working_days_ago(0).isoformat(), "summary": "Dad engaging well; home conditions better.",
               "attendee_ids": [m["id"] for m in members], "late_reason": "Recorded after a long day",
               "progress": {a.pk: {"status": "on_track"} for a in actions}}
    missing = call("post", f"/cp-plans/{plan.pk}/core-groups", social_worker, {**meeting, "attendee_ids": []})
    assert missing.status_code == 422 and list(missing.json()["errors"]) == ["attendee_ids"]
    made = call("post", f"/cp-plans/{plan.pk}/core-groups", social_worker, meeting)
    assert made.status_code == 201 and {p["action_id"] for p in made.json()["progress"]} == {a.pk for a in actions}
    assert call("get", f"/core-groups/{made.json()['id']}", social_worker).json() == made.json()
    assert CoreGroup.objects.filter(pk=made.json()["id"]).exists()
    visit = {"visit_date": working_days_ago(0).isoformat(), "child_seen": True, "seen_alone": True,
             "bedroom_seen": True, "child_words": "'I like my new bed.'", "observations": "Tidy home.",
             "late_reason": "Recorded after a long day"}
    assert call("post", f"/cp-plans/{plan.pk}/cp-visits", manager, visit).status_code == 403
    seen = call("post", f"/cp-plans/{plan.pk}/cp-visits", social_worker, visit)
    assert seen.status_code == 201 and CpVisit.objects.filter(pk=seen.json()["id"]).exists()
    assert call("get", f"/cp-visits/{seen.json()['id']}", manager).json()["child_words"] == visit["child_words"]
    assert call("get", f"/cp-plans/{plan.pk}/cp-visits", manager).json()["items"][0]["id"] == seen.json()["id"]


def test_a_partner_in_the_core_group_writes_an_update_and_reads_them(call, plan, social_worker, make_user, child):
    partner = make_user(Role.PARTNER_PRACTITIONER)
    InvolvementFactory(child=child, agency=partner.agency, practitioner=partner)
    body = {"text": "Attendance this half-term is 96%, up from 80%."}
    assert call("post", f"/cp-plans/{plan.pk}/updates", partner, body).status_code in (403, 404)
    member = {"agency_kind": "education", "agency_id": partner.agency_id, "name": str(partner)}
    assert call("post", f"/cp-plans/{plan.pk}/members", social_worker, member).status_code == 201
    written = call("post", f"/cp-plans/{plan.pk}/updates", partner, body)
    assert written.status_code == 201
    assert call("get", f"/cp-plans/{plan.pk}/updates", partner).json()["items"][0]["text"] == body["text"]
    assert call("get", f"/cp-plans/{plan.pk}/cp-visits", partner).status_code == 403


def test_the_child_in_need_plan_a_conference_stepped_down_to(call, social_worker, manager, chair, child):
    discussion = strategy(social_worker, open_episode(social_worker, child, working_days_ago(30)),
                          held_on=working_days_ago(20))
    conference = arranged(social_worker, chair, enquiry=concluded_enquiry(social_worker, manager, discussion),
                          on=working_days_ago(5))
    decide(chair, conference, decision="no_plan")
    body = {"outcomes": "Mum's mood better; the children at school every day.",
            "actions": [{"what": "Family support weekly", "owner": "Family Service",
                         "due_date": working_days_ago(-20).isoformat(), "success_measure": "Routines kept"}]}
    assert call("post", f"/conferences/{conference.pk}/cin-plan", chair, body).status_code == 403
    no_owner = call("post", f"/conferences/{conference.pk}/cin-plan", social_worker,
                    {**body, "actions": [{**body["actions"][0], "owner": ""}]})
    assert no_owner.status_code == 422 and list(no_owner.json()["errors"]) == ["actions.0.owner"]
    made = call("post", f"/conferences/{conference.pk}/cin-plan", social_worker, body)
    assert made.status_code == 201
    assert CinPlan.objects.get(pk=made.json()["id"]).start_date == conference.conference_date


def test_the_conference_list_shows_a_chair_their_own_and_others_all(call, plan, social_worker, chair, make_user,
                                                                     child):
    review = arranged(social_worker, chair, plan=plan, on=working_days_ago(-5))
    listed = call("get", "/conferences", chair).json()
    assert review.pk in [c["id"] for c in listed["items"]] and listed["next"] is None
    other_chair = make_user(Role.CP_CHAIR)
    assert call("get", "/conferences", other_chair).json()["items"] == []
    everyone = call("get", "/conferences?mine=false", other_chair).json()["items"]
    assert review.pk in [c["id"] for c in everyone]
    assert call("get", "/conferences", social_worker).status_code == 403
    assert AuditEvent.objects.filter(object_type="cp_conference", action="list", via="api").exists()
