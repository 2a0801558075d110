"""No lost writes in child protection: an agency's report, the social work report and the
assessment of risk each take the version that was read, refuse a stale save (a page error keeping
what was typed, 409 in the API), and keep the text a save replaced, shown as "Earlier versions"."""

import pytest

from lantern.accounts.models import ApiToken
from lantern.accounts.roles import Role
from lantern.revisions.selectors import earlier_versions
from lantern.service_layer.concurrency import ConcurrentEditError
from lantern.testing.factories import InvolvementFactory

from ..models import ConferenceInvitation
from ..services import agency_report_submit, enquiry_risk_record, social_work_report_save
from .factories import arranged, concluded_enquiry, open_episode, strategy, working_days_ago

pytestmark = pytest.mark.django_db

FIRST = "Attendance 71% this term; bruising seen twice; she says she is scared of dad."
SECOND = "Attendance now 64%; a new bruise on Monday; the school nurse has spoken to mum."


@pytest.fixture
def partners(child, make_user):
    partner = make_user(Role.PARTNER_PRACTITIONER)
    colleague = make_user(Role.PARTNER_PRACTITIONER, agency=partner.agency)
    for user in (partner, colleague):
        InvolvementFactory(child=child, agency=partner.agency, practitioner=user)
    return partner, colleague


@pytest.fixture
def conference(social_worker, manager, chair, child, partners):
    discussion = strategy(social_worker, open_episode(social_worker, child), held_on=working_days_ago(12))
    enquiry = concluded_enquiry(social_worker, manager, discussion)
    return arranged(social_worker, chair, on=working_days_ago(-3), enquiry=enquiry)


def _headers(user) -> dict:
    key = f"revisions-{user.pk}"
    ApiToken.objects.get_or_create(user=user, name="test", key_hash=ApiToken.hash_key(key), prefix=key[:8])
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_a_second_writer_cannot_silently_overwrite_an_agency_report(conference, partners):
    partner, colleague = partners
    opened = conference.invitations.filter(agency=partner.agency).first()
    read = opened.version  # both open the form at this version
    agency_report_submit(actor=partner, invitation=opened, report=FIRST, expected_version=read)
    with pytest.raises(ConcurrentEditError):
        agency_report_submit(actor=colleague, invitation=opened, report=SECOND, expected_version=read)
    assert ConferenceInvitation.objects.get(pk=opened.pk).report == FIRST


def test_an_agency_report_rewritten_keeps_the_first_text(conference, partners):
    partner, colleague = partners
    invitation = conference.invitations.filter(agency=partner.agency).first()
    invitation = agency_report_submit(actor=partner, invitation=invitation, report=FIRST,
                                      expected_version=invitation.version)
    read = invitation.version
    rewritten = agency_report_submit(actor=colleague, invitation=invitation, report=SECOND, expected_version=read)
    assert rewritten.report == SECOND and rewritten.version == read + 1
    kept = earlier_versions("cp_agency_report", invitation.pk)
    assert [(k.field, k.text, k.version, k.written_by, k.replaced_by) for k in kept] == [
        ("report", FIRST, read, partner, colleague)]
    assert kept[0].child_id == conference.child_id


def test_the_social_work_report_rewritten_keeps_the_first_text(conference, social_worker, manager):
    first = "My findings, my analysis of the risks to Amira, and my recommendation of a plan."
    opened = conference.version
    saved = social_work_report_save(actor=social_worker, conference=conference, report=first, shared_on=None,
                                    expected_version=opened)
    read = saved.version
    with pytest.raises(ConcurrentEditError):
        social_work_report_save(actor=manager, conference=saved, report="A stale rewrite of the report text.",
                                shared_on=None, expected_version=opened)
    social_work_report_save(actor=manager, conference=saved, report="The report as the manager corrected it.",
                            shared_on=None, expected_version=read)
    kept = earlier_versions("cp_conference", conference.pk)
    assert [(k.field, k.text, k.version) for k in kept] == [("social_work_report", first, read)]


def test_the_assessment_of_risk_rewritten_keeps_the_first_text(social_worker, child):
    discussion = strategy(social_worker, open_episode(social_worker, child), held_on=working_days_ago(5))
    enquiry = discussion.enquiry
    first = enquiry_risk_record(actor=social_worker, enquiry=enquiry, expected_version=enquiry.version,
                                risk_assessment="High risk: the injuries are unexplained and father is hostile.")
    read = first.version
    enquiry_risk_record(actor=social_worker, enquiry=first, expected_version=read,
                        risk_assessment="High risk, revised after the medical: a non-accidental injury is likely.")
    kept = earlier_versions("s47_enquiry", enquiry.pk)
    assert [(k.field, k.version) for k in kept] == [("risk_assessment", read)]
    assert kept[0].text.startswith("High risk: the injuries")


def test_the_agency_report_api_takes_a_version_refuses_a_stale_one_and_shows_earlier_versions(
        client, conference, partners):
    partner, colleague = partners
    invitation = conference.invitations.filter(agency=partner.agency).first()
    url = f"/api/v1/conferences/{conference.pk}/invitations/{invitation.pk}/report"
    first = client.post(url, {"report": FIRST, "version": invitation.version}, content_type="application/json",
                        **_headers(partner))
    assert first.status_code == 200 and first.json()["version"] == invitation.version + 1
    stale = client.post(url, {"report": SECOND, "version": invitation.version}, content_type="application/json",
                        **_headers(colleague))
    assert stale.status_code == 409
    done = client.post(url, {"report": SECOND, "version": first.json()["version"]},
                       content_type="application/json", **_headers(colleague))
    assert done.status_code == 200
    read = client.get(f"/api/v1/conferences/{conference.pk}", **_headers(partner)).json()
    row = next(i for i in read["invitations"] if i["id"] == invitation.pk)
    assert [(r["field"], r["text"], r["replaced_by_id"]) for r in row["earlier_versions"]] == [
        ("report", FIRST, colleague.pk)]


def test_a_stale_agency_report_page_keeps_what_was_typed_and_the_conference_shows_earlier_versions(
        client, conference, partners):
    partner, colleague = partners
    invitation = conference.invitations.filter(agency=partner.agency).first()
    url = f"/children/{conference.child_id}/protection/conferences/{conference.pk}/invitations/{invitation.pk}/report/"
    client.force_login(partner)
    assert client.post(url, {"report": FIRST, "version": invitation.version}).status_code == 302
    client.force_login(colleague)
    page = client.post(url, {"report": SECOND, "version": invitation.version})
    assert page.status_code == 200
    assert "Someone else saved changes" in page.content.decode() and SECOND in page.content.decode()
    assert client.post(url, {"report": SECOND, "version": invitation.version + 1}).status_code == 302
    detail = client.get(f"/children/{conference.child_id}/protection/conferences/{conference.pk}/").content.decode()
    assert "Earlier versions" in detail and FIRST in detail and SECOND in detail


def test_a_second_early_end_decision_keeps_the_first_reason(client, social_worker, manager, chair, child, team):
    from lantern.testing.factories import UserFactory

    from ..services import plan_early_end_decide
    from .factories import decide, plan_for_child

    plan = plan_for_child(social_worker, manager, chair, child)
    service_manager = UserFactory(role=Role.SERVICE_MANAGER, team=team)
    first = "Too soon: the father has only just left and mother has not yet shown she can keep him away."
    progress = {a.pk: {"status": "achieved", "note": ""} for a in plan.actions.all()}
    for n, (approve, reason) in enumerate([(False, first), (True, "Father gone three months; school sees her daily.")]):
        decide(chair, arranged(social_worker, chair, plan=plan, on=working_days_ago(4 - 2 * n)), decision="end",
               progress=progress)
        plan.refresh_from_db()
        plan = plan_early_end_decide(actor=service_manager, plan=plan, approve=approve, rationale=reason,
                                     expected_version=plan.version)
    assert [(k.field, k.text) for k in earlier_versions("cp_plan", plan.pk)] == [("early_end_rationale", first)]
    client.force_login(service_manager)
    assert first in client.get(f"/children/{child.pk}/protection/plans/{plan.pk}/").content.decode()


def test_the_early_end_api_takes_a_version_and_shows_the_earlier_reason(client, social_worker, manager, chair, child,
                                                                       team):
    from lantern.testing.factories import UserFactory

    from .factories import decide, plan_for_child

    plan = plan_for_child(social_worker, manager, chair, child)
    service_manager = UserFactory(role=Role.SERVICE_MANAGER, team=team)
    progress = {a.pk: {"status": "achieved", "note": ""} for a in plan.actions.all()}
    url = f"/api/v1/cp-plans/{plan.pk}/early-end"
    first = "Too soon: the father has only just left and mother has not yet shown she can keep him away."
    for n, (approve, reason) in enumerate([(False, first), (True, "Father gone three months; school sees her daily.")]):
        plan.refresh_from_db()
        decide(chair, arranged(social_worker, chair, plan=plan, on=working_days_ago(4 - 2 * n)), decision="end",
               progress=progress)
        plan.refresh_from_db()
        stale = client.post(url, {"approve": approve, "rationale": reason, "version": plan.version - 1},
                            content_type="application/json", **_headers(service_manager))
        assert stale.status_code == 409
        done = client.post(url, {"approve": approve, "rationale": reason, "version": plan.version},
                           content_type="application/json", **_headers(service_manager))
        assert done.status_code == 200, done.content
    assert [r["text"] for r in done.json()["earlier_versions"]] == [first]
