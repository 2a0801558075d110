"""The synthesise_authority and demo_users management commands."""

from io import StringIO

import pytest
from django.core.management import call_command

from lantern.access.models import NamedAccess
from lantern.accounts.models import User
from lantern.accounts.roles import Role, TeamKind
from lantern.people.models import Allocation, Involvement, Person
from lantern.synthetic.demo import DEMO_PASSWORD

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_synthesise_authority_reports_progress_and_a_summary():
    output = run("synthesise_authority", "--children", "150", "--seed", "3", "--batch-size", "100")
    assert Person.objects.filter(is_child_record=True).count() == 150
    assert "people" in output and "100%" in output and "search index" in output
    assert "Total" in output and "Done: 150 synthetic children" in output


def test_if_empty_does_nothing_when_children_exist():
    run("synthesise_authority", "--children", "150", "--seed", "3", "--if-empty")
    people, users = Person.objects.count(), User.objects.count()
    output = run("synthesise_authority", "--children", "150", "--seed", "3", "--if-empty")
    assert "already exist" in output
    assert (Person.objects.count(), User.objects.count()) == (people, users)


def _state():
    return (User.objects.count(), Allocation.objects.count(), Involvement.objects.count(),
            NamedAccess.objects.count(), sorted(Person.objects.filter(current_team__isnull=False)
                                                .values_list("id", "current_team_id", "current_worker_id")))


def test_demo_users_one_per_role_placed_sensibly_and_idempotent():
    run("synthesise_authority", "--children", "1500", "--seed", "4")
    output = run("demo_users")
    assert "Demo sign-ins (synthetic data only)" in output and DEMO_PASSWORD in output
    demo = {u.role: u for u in User.objects.filter(username__startswith="demo.").select_related("team", "agency")}
    assert set(demo) == set(Role) and len(demo) == len(Role)
    for role, user in demo.items():
        assert user.username == f"demo.{role}" and user.check_password(DEMO_PASSWORD)
        assert user.username in output
    sw, sp, tm, sm = (demo[r] for r in (Role.SOCIAL_WORKER, Role.SENIOR_PRACTITIONER, Role.TEAM_MANAGER,
                                        Role.SERVICE_MANAGER))
    assert sw.team == sp.team == tm.team and sw.team.kind == TeamKind.CARE_MANAGEMENT
    assert sw.line_manager == tm and tm.line_manager == sm and sm.team.service_id == tm.team.service_id
    assert demo[Role.FRONT_DOOR_SCREENER].team.kind == TeamKind.FRONT_DOOR
    assert demo[Role.EARLY_HELP_PRACTITIONER].team.kind == TeamKind.EARLY_HELP
    assert demo[Role.CP_CHAIR].team.kind == TeamKind.SAFEGUARDING_UNIT
    assert demo[Role.ADMINISTRATOR].is_staff
    partner = demo[Role.PARTNER_PRACTITIONER]
    assert partner.agency.kind == "education" and partner.team is None

    caseload = Person.objects.filter(current_worker=sw)
    assert caseload.count() == 15
    for child in caseload:
        assert child.allocations.get(end_date__isnull=True).worker == sw
    assert Involvement.objects.filter(practitioner=partner, child__current_worker=sw).count() >= 3
    assert NamedAccess.objects.filter(user=tm, child__is_restricted=True).exists()

    before = _state()
    run("demo_users")
    assert _state() == before
