import pytest

from lantern.accounts.roles import AgencyKind, Role, TeamKind
from lantern.frontdoor.default_levels import ensure_default_levels
from lantern.testing.factories import AgencyFactory, PartnerFactory, TeamFactory, UserFactory


@pytest.fixture(autouse=True)
def levels(db):
    ensure_default_levels()


@pytest.fixture
def front_door_team(service):
    return TeamFactory(service=service, kind=TeamKind.FRONT_DOOR, name="Front door (MASH)")


@pytest.fixture
def screener(front_door_team):
    return UserFactory(role=Role.FRONT_DOOR_SCREENER, team=front_door_team)


@pytest.fixture
def manager(front_door_team):
    return UserFactory(role=Role.TEAM_MANAGER, team=front_door_team)


@pytest.fixture
def partner(db):
    return PartnerFactory(agency=AgencyFactory(name="Oakfield Primary School", kind=AgencyKind.EDUCATION))


@pytest.fixture
def police(db):
    return PartnerFactory(agency=AgencyFactory(name="West Midlands Police", kind=AgencyKind.POLICE))
