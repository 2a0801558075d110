from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from lantern.access.models import BreakGlassAccess, NamedAccess
from lantern.access.permissions import PERMISSIONS
from lantern.access.policy import RestrictedRecord, child_for, decide, has_permission, sections_for, visible_children
from lantern.access.services import break_glass_open, restriction_set
from lantern.accounts.roles import Role, TeamKind
from lantern.audit_log.models import AuditEvent
from lantern.testing.factories import InvolvementFactory, ServiceFactory, TeamFactory, UserFactory


def sees(user, child) -> bool:
    return visible_children(user).filter(pk=child.pk).exists() and decide(user, child).allowed


def test_practitioner_sees_their_teams_children_and_not_others(child, make_user, team):
    same_team = UserFactory(role=Role.SOCIAL_WORKER, team=team)
    other = make_user(Role.SOCIAL_WORKER)
    assert sees(same_team, child)
    assert not sees(other, child)


def test_practitioner_sees_a_child_they_are_involved_with_outside_their_team(child, make_user):
    other = make_user(Role.SOCIAL_WORKER)
    InvolvementFactory(child=child, practitioner=other, agency__name="Brindleford Youth Offending Service")
    assert sees(other, child)


def test_managers_see_their_service_only(child, make_user):
    assert sees(make_user(Role.TEAM_MANAGER), child)
    elsewhere = TeamFactory(service=ServiceFactory(name="Early help and family support"))
    assert not sees(make_user(Role.SERVICE_MANAGER, team=elsewhere), child)


@pytest.mark.parametrize("role", [Role.FRONT_DOOR_SCREENER, Role.CP_CHAIR, Role.QA_AUDITOR,
                                  Role.PERFORMANCE_ANALYST, Role.INSPECTOR])
def test_authority_wide_roles_see_every_unrestricted_child(child, make_user, role):
    assert sees(make_user(role), child)


def test_out_of_hours_team_sees_every_child(child, make_user, service):
    edt = TeamFactory(service=service, kind=TeamKind.EMERGENCY_DUTY)
    assert sees(make_user(Role.SOCIAL_WORKER, team=edt), child)


def test_administrator_sees_no_childrens_records(child, make_user):
    assert not sees(make_user(Role.ADMINISTRATOR), child)


def test_partner_sees_only_children_they_are_involved_with_and_only_shared_sections(child, make_user):
    partner = make_user(Role.PARTNER_PRACTITIONER)
    assert not sees(partner, child)
    InvolvementFactory(child=child, agency=partner.agency, practitioner=partner)
    assert sees(partner, child)
    assert sections_for(partner) == {"identity", "allocation", "professionals", "protection"}
    assert not has_permission(partner, "child.edit")


def test_ended_involvement_no_longer_gives_access(child, make_user):
    partner = make_user(Role.PARTNER_PRACTITIONER)
    InvolvementFactory(child=child, agency=partner.agency, practitioner=partner,
                       end_date=timezone.localdate())
    assert not sees(partner, child)


def test_restricted_record_is_only_for_named_people(child, social_worker, make_user, team):
    manager = make_user(Role.TEAM_MANAGER, team=team)
    restriction_set(actor=manager, child=child, is_restricted=True, named_users=[], reason="Staff relative")
    child.refresh_from_db()
    assert sees(manager, child)                      # the manager who restricted it stays named
    assert not sees(social_worker, child)            # even the allocated worker, until named
    with pytest.raises(RestrictedRecord):
        child_for(social_worker, child.pk)
    assert AuditEvent.objects.filter(child_id=child.pk, action="denied", actor=social_worker).exists()
    NamedAccess.objects.create(child=child, user=social_worker, granted_by=manager)
    assert sees(social_worker, child)


def test_break_glass_needs_a_reason_expires_and_is_queued_for_review(child, social_worker, make_user, team):
    manager = make_user(Role.TEAM_MANAGER, team=team)
    restriction_set(actor=manager, child=child, is_restricted=True, named_users=[], reason="High-profile case")
    child.refresh_from_db()
    with pytest.raises(ValidationError):
        break_glass_open(actor=social_worker, child=child, reason="need it")
    access = break_glass_open(actor=social_worker, child=child, reason="Child reported missing overnight by police")
    assert sees(social_worker, child)
    assert access.reviewed_at is None
    assert AuditEvent.objects.filter(child_id=child.pk, action="break_glass").exists()
    BreakGlassAccess.objects.filter(pk=access.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    assert not sees(social_worker, child)


def test_partners_cannot_break_glass(child, make_user):
    child.is_restricted = True
    child.save()
    with pytest.raises(PermissionDenied):
        break_glass_open(actor=make_user(Role.PARTNER_PRACTITIONER), child=child,
                         reason="I would like to see this record please")


def test_read_only_roles_cannot_fetch_for_change(child, make_user):
    with pytest.raises(PermissionDenied):
        child_for(make_user(Role.INSPECTOR), child.pk, for_change=True)


def test_unknown_permission_fails_loudly(social_worker):
    with pytest.raises(KeyError):
        has_permission(social_worker, "child.teleport")


def test_every_permission_names_only_known_roles():
    known = {str(r) for r in Role}
    assert all({str(r) for r in roles} <= known for roles in PERMISSIONS.values())


def test_inactive_users_have_no_permissions(child, team):
    gone = UserFactory(role=Role.SOCIAL_WORKER, team=team, is_active=False)
    assert not has_permission(gone, "child.view")
