"""An assessment's answers rewritten keep what they said: each section save keeps the text it
replaced (a parent's note included), a manager's second return keeps the first comments, and the
page and the API show them as earlier versions."""

from datetime import date

import pytest

from lantern.accounts.models import ApiToken
from lantern.assessments.services import assessment_return, assessment_section_save, assessment_start, assessment_submit
from lantern.referrals.tests.factories import add_father, completed_assessment, episode, manager_for
from lantern.revisions.selectors import earlier_versions

pytestmark = pytest.mark.django_db


def _save(worker, a, section, data):
    return assessment_section_save(actor=worker, assessment=a, section=section, expected_version=a.version, data=data)


def test_a_rewritten_section_keeps_the_text_it_replaced(child, social_worker):
    a = assessment_start(actor=social_worker, episode=episode(social_worker, child), started_on=date(2025, 3, 4))
    a = _save(social_worker, a, "analysis", {"risks": "Neglect of basic care.", "protective_factors": "Grandmother.",
                                              "analysis": "Mother is struggling; the risk is rising."})
    read = a.version
    _save(social_worker, a, "analysis", {"risks": "Neglect of basic care.", "protective_factors": "Grandmother.",
                                         "analysis": "After the second visit: the risk is high."})
    kept = earlier_versions("assessment", a.pk)
    assert [(k.field, k.text, k.version, k.label) for k in kept] == [
        ("analysis", "Mother is struggling; the risk is rising.", read, "Analysis")]  # unchanged text is not kept


def test_a_parents_note_rewritten_is_kept(child, social_worker):
    father = add_father(social_worker, child)
    a = assessment_start(actor=social_worker, episode=episode(social_worker, child), started_on=date(2025, 3, 4))
    first = "Three letters and two visits; he declined to meet."
    a = _save(social_worker, a, "family", {"engagements": {father.relative_id: {"engaged": False, "note": first}}})
    _save(social_worker, a, "family", {"engagements": {father.relative_id: {"engaged": True, "note": "Met him."}}})
    kept = earlier_versions("assessment", a.pk)
    assert [(k.field, k.text) for k in kept] == [(f"engagement_note_{father.relative_id}", first)]
    assert "Daniel" in kept[0].label


def test_a_second_return_keeps_the_first_comments(child, social_worker, team):
    manager = manager_for(team)
    a = assessment_submit(actor=social_worker, assessment=completed_assessment(
        social_worker, child, episode(social_worker, child)))
    a = assessment_return(actor=manager, assessment=a, comments="Speak to dad before I can sign this off.",
                          expected_version=a.version)
    a = assessment_submit(actor=social_worker, assessment=a, expected_version=a.version)
    assessment_return(actor=manager, assessment=a, comments="Now add the school's view, please.",
                      expected_version=a.version)
    assert [k.text for k in earlier_versions("assessment", a.pk)] == ["Speak to dad before I can sign this off."]


def test_the_assessment_page_and_api_show_earlier_versions(client, child, social_worker):
    a = assessment_start(actor=social_worker, episode=episode(social_worker, child), started_on=date(2025, 3, 4))
    a = _save(social_worker, a, "views", {"child_views": "'I want my dog back.'"})
    _save(social_worker, a, "views", {"child_views": "'I want to stay with Nan.'"})
    client.force_login(social_worker)
    page = client.get(f"/children/{child.pk}/assessments/{a.pk}/").content.decode()
    assert "Earlier versions" in page and "I want my dog back." in page
    key = f"assessment-revisions-{social_worker.pk}"
    ApiToken.objects.create(user=social_worker, name="test", key_hash=ApiToken.hash_key(key), prefix=key[:8])
    read = client.get(f"/api/v1/assessments/{a.pk}", HTTP_AUTHORIZATION=f"Bearer {key}").json()
    assert [(r["field"], r["text"]) for r in read["earlier_versions"]] == [("child_views", "'I want my dog back.'")]
