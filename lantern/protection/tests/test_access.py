"""Partner practitioners see and contribute to only the conferences their agency was invited to and
the plans whose core group they are in; every read is audited."""

import pytest
from django.core.exceptions import PermissionDenied

from lantern.accounts.roles import Role
from lantern.audit_log.models import AuditEvent
from lantern.testing.factories import InvolvementFactory

from ..models import Conference
from ..selectors import child_protection, conference_for, plan_for
from ..services import plan_update_add
from .factories import plan_for_child

pytestmark = pytest.mark.django_db


@pytest.fixture
def partners(make_user, child):
    invited, outsider = make_user(Role.PARTNER_PRACTITIONER), make_user(Role.PARTNER_PRACTITIONER)
    InvolvementFactory(child=child, agency=invited.agency, practitioner=invited)
    return invited, outsider


@pytest.fixture
def plan(social_worker, manager, chair, child, partners):
    plan = plan_for_child(social_worker, manager, chair, child)
    InvolvementFactory(child=child, agency=partners[1].agency, practitioner=partners[1])  # involved later
    return plan


def test_an_invited_partner_sees_the_conference_and_the_plan_but_not_the_casework(plan, partners, child):
    invited, _ = partners
    seen = child_protection(invited, child)
    assert seen["discussions"] == [] and seen["enquiries"] == []
    assert [c.pk for c in seen["conferences"]] == [plan.conference_id] and [p.pk for p in seen["plans"]] == [plan.pk]
    conference, decision = conference_for(invited, plan.conference_id)
    assert decision.allowed and conference.pk == plan.conference_id


def test_a_partner_whose_agency_was_not_invited_sees_neither(plan, partners, child):
    _, outsider = partners
    seen = child_protection(outsider, child)
    assert seen["conferences"] == [] and seen["plans"] == []
    with pytest.raises(PermissionDenied):
        conference_for(outsider, plan.conference_id)
    with pytest.raises(PermissionDenied):
        plan_for(outsider, plan.pk)
    with pytest.raises(PermissionDenied):
        plan_update_add(actor=outsider, plan=plan, text="We saw her at clinic; weight is up.")


def test_a_core_group_member_adds_an_update(plan, partners):
    update = plan_update_add(actor=partners[0], plan=plan, text="Attendance 96% this half term.")
    assert update.agency_label == str(partners[0].agency)


def test_pages_refuse_the_uninvited_partner_and_audit_the_invited_one(client, plan, partners, child):
    invited, outsider = partners
    url = f"/children/{child.pk}/protection/conferences/{plan.conference_id}/"
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    assert client.get(f"/children/{child.pk}/protection/plans/{plan.pk}/").status_code == 404
    client.force_login(invited)
    response = client.get(url)
    assert response.status_code == 200 and b"Agencies invited" in response.content
    assert AuditEvent.objects.filter(actor=invited, action="view", object_type="cp_conference",
                                     object_id=str(plan.conference_id)).exists()
    summary = client.get(f"/children/{child.pk}/").content.decode()
    assert "Child protection plans" in summary and "Strategy discussions" not in summary


def test_the_partner_cannot_read_the_strategy_discussion(client, plan, partners, child):
    client.force_login(partners[0])
    conference = Conference.objects.get(pk=plan.conference_id)
    url = f"/children/{child.pk}/protection/strategy/{conference.enquiry.strategy_discussion_id}/"
    assert client.get(url).status_code == 403


def test_the_episode_page_shows_the_child_protection_work_and_overdue_visits_reach_my_work(
        client, social_worker, manager, chair, child):
    plan = plan_for_child(social_worker, manager, chair, child, icpc_days_ago=25)
    client.force_login(social_worker)
    episode_page = client.get(f"/children/{child.pk}/episodes/{plan.episode_id}/").content.decode()
    assert "Section 47 enquiries" in episode_page and "Child protection plans" in episode_page
    assert "Record a strategy discussion" in episode_page  # the episode is open
    my_work = client.get("/work/").content.decode()
    assert "Child protection visit" in my_work and "Overdue" in my_work
