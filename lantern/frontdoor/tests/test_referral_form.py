"""The partner's online referral form, page by page, and what the partner sees afterwards."""

import re

import pytest

from lantern.audit_log.models import AuditEvent
from lantern.frontdoor.codes import ContactStatus
from lantern.frontdoor.models import Contact
from lantern.frontdoor.testing import decide, level, sent_referral
from lantern.testing.factories import PartnerFactory


@pytest.fixture
def signed_in(client, partner):
    client.force_login(partner)
    return client


def _version(client, pk):
    return Contact.objects.get(pk=pk).version


def _start(client) -> int:
    response = client.post("/refer/")
    match = re.match(r"^/refer/(\d+)/about-you/$", response["Location"])
    assert response.status_code == 302 and match
    return int(match.group(1))


def test_a_partner_fills_in_the_form_page_by_page_and_sends_it(signed_in, partner):
    pk = _start(signed_in)
    post = lambda url, data: signed_in.post(url, {**data, "version": _version(signed_in, pk)})  # noqa: E731
    assert post(f"/refer/{pk}/about-you/", {"referrer_role": "Class teacher", "referrer_phone": "0121 496 0000"}
                )["Location"] == f"/refer/{pk}/children/"
    assert post(f"/refer/{pk}/children/new/", {"first_name": "Ruby", "last_name": "Quenby", "sex": "F"}
                )["Location"] == f"/refer/{pk}/children/"
    assert post(f"/refer/{pk}/children/", {})["Location"] == f"/refer/{pk}/adults/"
    assert post(f"/refer/{pk}/adults/", {})["Location"] == f"/refer/{pk}/concern/"
    assert post(f"/refer/{pk}/concern/", {"concern": "Hungry every morning.", "immediate_risk": "no"}
                )["Location"] == f"/refer/{pk}/level/"
    chosen = {"referrer_level": level("Early help").pk}
    assert post(f"/refer/{pk}/level/", chosen)["Location"] == f"/refer/{pk}/parents/"
    assert post(f"/refer/{pk}/parents/", {"discussed_with_parents": "no"})["Location"] == f"/refer/{pk}/parents-why/"
    assert post(f"/refer/{pk}/parents-why/", {"not_discussed_reason": "risk"})["Location"] == f"/refer/{pk}/check/"
    check = signed_in.get(f"/refer/{pk}/check/").content.decode()
    assert "Ruby Quenby" in check and "Hungry every morning." in check and "Telling them could put" in check
    sent = post(f"/refer/{pk}/check/", {})
    assert sent["Location"] == f"/refer/{pk}/confirmation/"
    contact = Contact.objects.get(pk=pk)
    assert contact.status == ContactStatus.RECEIVED and contact.source == "2A"
    assert contact.discussed_with_parents is False
    confirmation = signed_in.get(sent["Location"]).content.decode()
    assert contact.reference in confirmation and "govuk-panel--confirmation" in confirmation
    assert AuditEvent.objects.filter(object_type="contact", action="create", object_id=str(pk)).count() == 1


def test_an_empty_question_page_shows_gov_uk_errors(signed_in):
    pk = _start(signed_in)
    response = signed_in.post(f"/refer/{pk}/concern/", {"version": _version(signed_in, pk)})
    html = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in html and "<title>Error:" in html
    assert "Describe what you are worried about" in html


def test_save_and_come_back_later_keeps_what_was_answered(signed_in, partner):
    pk = _start(signed_in)
    response = signed_in.post(f"/refer/{pk}/about-you/", {"referrer_role": "Nurse", "save_later": "1",
                                                          "version": _version(signed_in, pk)})
    assert response["Location"] == f"/refer/{pk}/saved/"
    assert Contact.objects.get(pk=pk).referrer_role == "Nurse"
    mine = signed_in.get("/refer/mine/").content.decode()
    assert Contact.objects.get(pk=pk).reference in mine and "Draft: not sent" in mine


def test_sending_an_incomplete_form_links_each_gap_to_its_question(signed_in):
    pk = _start(signed_in)
    html = signed_in.post(f"/refer/{pk}/check/", {"version": _version(signed_in, pk)}).content.decode()
    assert f'href="/refer/{pk}/children/?return=check"' in html
    assert f'href="/refer/{pk}/about-you/?return=check"' in html
    # The service names the level as the API sends it (referrer_level_id); the page links its question.
    assert f'href="/refer/{pk}/level/?return=check"' in html
    assert Contact.objects.get(pk=pk).status == ContactStatus.DRAFT


def test_a_partner_sees_only_their_own_referrals(client, partner):
    mine = sent_referral(partner)
    other = PartnerFactory()
    client.force_login(other)
    # Another partner's referral is "not found", the same answer as for one that does not exist.
    assert client.get(f"/refer/{mine.pk}/").status_code == 404
    assert mine.reference not in client.get("/refer/mine/").content.decode()


def test_the_partner_sees_the_decision_in_plain_words_not_the_rationale(client, partner, screener, child, manager):
    referral = sent_referral(partner)
    mention = referral.people.get()
    from lantern.frontdoor.services import contact_person_link
    contact_person_link(actor=screener, contact=referral, expected_version=referral.version, mention=mention,
                        person=child)
    decide(screener, referral, outcome="referral", level_name="Child in need", primary_need="N1",
           rationale="Confidential screening rationale", referrer_feedback="A social worker will call you.")
    client.force_login(partner)
    html = client.get(f"/refer/{referral.pk}/").content.decode()
    assert "Accepted by children&#x27;s social care for an assessment" in html
    assert "A social worker will call you." in html and "Confidential screening rationale" not in html
