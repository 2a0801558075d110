import pytest

from lantern.accounts.roles import Role

from .factories import chair_user


@pytest.fixture
def manager(team):
    from lantern.testing.factories import UserFactory

    return UserFactory(role=Role.TEAM_MANAGER, team=team)


@pytest.fixture
def chair(db):
    return chair_user(first_name="Priya", last_name="Chair")
