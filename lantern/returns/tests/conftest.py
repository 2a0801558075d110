import pytest

from lantern.accounts.roles import Role


@pytest.fixture
def chair(make_user):
    return make_user(Role.CP_CHAIR)


@pytest.fixture
def analyst(make_user):
    return make_user(Role.PERFORMANCE_ANALYST)
