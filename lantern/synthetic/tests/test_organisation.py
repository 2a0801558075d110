"""Teams, staff and agencies; allocations, involvements and restricted records."""

import re
from collections import defaultdict
from datetime import timedelta
from random import Random

import pytest
from django.utils import timezone

from lantern.access.models import NamedAccess
from lantern.accounts.models import Agency, Team, User
from lantern.accounts.roles import AgencyKind, Employment, Qualification, Role, TeamKind
from lantern.people.models import Allocation, Involvement, Person
from lantern.synthetic.generate import generate_authority
from lantern.synthetic.organisation import build_organisation

from .conftest import SMALL

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation(db):
    """The organisation for a 20,000-child authority (no children), big enough for the shares to show."""
    return build_organisation(Random("test"), 20_000, timezone.localdate())


def test_every_kind_of_team_exists_with_a_sensible_tree(organisation):
    teams = list(Team.objects.select_related("parent"))
    assert {t.kind for t in teams} == set(TeamKind)
    care_management = [t for t in teams if t.kind == TeamKind.CARE_MANAGEMENT and t.parent_id]
    assert len(care_management) == round(20_000 / 7_000)
    assert all(t.parent.service_id == t.service_id for t in teams if t.parent_id)
    assert {t.service.name for t in teams} == {"Children's social care", "Early help and family support",
                                               "Safeguarding and quality"}


def test_staff_qualification_rules(organisation):
    staff = list(User.objects.filter(agency__isnull=True))
    for user in staff:
        if user.qualification == Qualification.REGISTERED_SOCIAL_WORKER:
            assert re.fullmatch(r"SW\d{6}", user.swe_registration), user
            assert user.qualified_on and user.qualified_on <= timezone.localdate()
            assert user.is_registered_social_worker
        else:
            assert user.swe_registration == "" and user.qualified_on is None
        if user.role in (Role.SENIOR_PRACTITIONER, Role.TEAM_MANAGER, Role.CP_CHAIR):
            assert user.qualification == Qualification.REGISTERED_SOCIAL_WORKER or user.team.kind == TeamKind.EARLY_HELP
        assert not user.has_usable_password()
    numbers = [u.swe_registration for u in staff if u.swe_registration]
    assert len(numbers) == len(set(numbers))
    practitioners = [u for u in staff if u.role in (Role.SOCIAL_WORKER, Role.SENIOR_PRACTITIONER)
                     and u.qualification == Qualification.REGISTERED_SOCIAL_WORKER]
    assert 0.8 * 20_000 / 400 <= len(practitioners) <= 1.3 * 20_000 / 400  # about one per 400 children
    agency = sum(u.employment == Employment.AGENCY for u in practitioners) / len(practitioners)
    assert 0.05 <= agency <= 0.3
    year_ago = timezone.localdate() - timedelta(days=365)
    assert any(u.qualified_on >= year_ago for u in practitioners)  # newly qualified (ASYE) workers
    assert any(u.job_title == "Family support worker" and u.qualification == Qualification.UNQUALIFIED
               for u in staff)


def test_line_management_runs_from_worker_to_team_manager_to_service_manager(organisation):
    for user in User.objects.filter(role__in=[Role.SOCIAL_WORKER, Role.SENIOR_PRACTITIONER]).select_related(
            "line_manager"):
        assert user.line_manager.role == Role.TEAM_MANAGER and user.line_manager.team_id == user.team_id
    for manager in User.objects.filter(role=Role.TEAM_MANAGER).select_related("line_manager", "team"):
        assert manager.line_manager.role == Role.SERVICE_MANAGER
        assert manager.line_manager.team.service_id == manager.team.service_id


def test_partner_agencies_and_their_practitioners(organisation):
    kinds = set(Agency.objects.values_list("kind", flat=True))
    assert {AgencyKind.POLICE, AgencyKind.HEALTH, AgencyKind.EDUCATION, AgencyKind.HOUSING, AgencyKind.PROBATION,
            AgencyKind.VOLUNTARY} <= kinds
    assert Agency.objects.filter(name="Brindleford Police Public Protection Unit").exists()
    assert Agency.objects.filter(kind=AgencyKind.EDUCATION).count() >= 12
    partners = User.objects.filter(role=Role.PARTNER_PRACTITIONER)
    assert partners.exists() and not partners.filter(agency__isnull=True).exists()
    assert not partners.filter(team__isnull=False).exists()


def test_current_allocation_matches_the_open_allocation(authority):
    open_allocations = defaultdict(list)
    history = defaultdict(list)
    for a in Allocation.objects.order_by("start_date", "id"):
        history[a.child_id].append(a)
        if a.end_date is None:
            open_allocations[a.child_id].append(a)
    for child in Person.objects.all():
        current = open_allocations.get(child.pk, [])
        assert len(current) <= 1
        expected = (current[0].team_id, current[0].worker_id) if current else (None, None)
        assert (child.current_team_id, child.current_worker_id) == expected, child.pk
    for allocations in history.values():
        for earlier, later in zip(allocations, allocations[1:], strict=False):
            assert earlier.end_date is not None and earlier.end_date <= later.start_date
    for a in Allocation.objects.exclude(worker=None).select_related("worker"):
        assert a.worker.team_id == a.team_id


def test_shares_of_open_early_help_and_closed_children(authority):
    csc = Person.objects.filter(current_team__kind__in=[TeamKind.REFERRAL_ASSESSMENT, TeamKind.CARE_MANAGEMENT,
                                                        TeamKind.CHILDREN_WITH_DISABILITIES])
    assert csc.count() == round(SMALL * 0.025)
    assert Person.objects.filter(current_team__kind=TeamKind.EARLY_HELP).count() == round(SMALL * 0.01)
    for child in csc.exclude(current_worker=None).select_related("current_worker"):
        assert child.current_worker.role in (Role.SOCIAL_WORKER, Role.SENIOR_PRACTITIONER)
        assert child.current_worker.qualification == Qualification.REGISTERED_SOCIAL_WORKER
    for child in Person.objects.filter(current_team__kind=TeamKind.EARLY_HELP).select_related("current_worker"):
        assert child.current_worker.role == Role.EARLY_HELP_PRACTITIONER
    closed_only = Allocation.objects.filter(end_date__isnull=False, child__current_team__isnull=True)
    assert 0.04 * SMALL <= closed_only.values("child").distinct().count() <= 0.09 * SMALL
    assert not Allocation.objects.filter(end_date__gt=timezone.localdate()).exists()


def test_open_children_have_involved_professionals(authority):
    open_children = Person.objects.filter(current_team__isnull=False)
    involved = set(Involvement.objects.values_list("child_id", flat=True))
    assert set(open_children.values_list("id", flat=True)) == involved
    for involvement in Involvement.objects.select_related("practitioner"):
        assert involvement.display_name and involvement.role
        if involvement.practitioner:
            assert involvement.practitioner.agency_id == involvement.agency_id


def test_restricted_children_name_their_worker_and_team_manager(authority):
    restricted = Person.objects.filter(is_restricted=True)
    assert restricted.count() == max(1, round(SMALL * 0.0005))
    for child in restricted:
        named = set(NamedAccess.objects.filter(child=child).values_list("user_id", flat=True))
        manager = User.objects.get(team_id=child.current_team_id, role=Role.TEAM_MANAGER)
        assert named == {child.current_worker_id, manager.pk}


def test_generating_into_a_non_empty_database_adds_to_it(authority):
    users, teams = User.objects.count(), Team.objects.count()
    generate_authority(200, 99)
    assert Person.objects.filter(is_child_record=True).count() == SMALL + 200
    assert Team.objects.count() == teams  # teams are found by name and reused
    assert User.objects.count() == users
    for child in Person.objects.filter(current_team__isnull=False):
        assert child.allocations.get(end_date__isnull=True).team_id == child.current_team_id
