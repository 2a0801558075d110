"""Fixtures shared by every test: users of each role, and a child their access reaches."""

import pytest

from lantern.accounts.roles import Role, TeamKind
from lantern.audit_log.refusals import forget_refusals
from lantern.testing.factories import ChildFactory, PartnerFactory, ServiceFactory, TeamFactory, UserFactory


@pytest.fixture
def service(db):
    return ServiceFactory()


@pytest.fixture
def team(service):
    return TeamFactory(service=service)


@pytest.fixture
def other_team(service):
    return TeamFactory(service=service)


@pytest.fixture
def social_worker(team):
    return UserFactory(role=Role.SOCIAL_WORKER, team=team)


@pytest.fixture
def child(team, social_worker):
    return ChildFactory(current_team=team, current_worker=social_worker)


@pytest.fixture
def make_user(service):
    """A user of any role; staff are placed in a team of the shared service."""
    def make(role: str, **kwargs):
        if role == Role.PARTNER_PRACTITIONER:
            return PartnerFactory(**kwargs)
        if "team" not in kwargs:
            kind = TeamKind.FRONT_DOOR if role == Role.FRONT_DOOR_SCREENER else TeamKind.CARE_MANAGEMENT
            kwargs["team"] = TeamFactory(service=service, kind=kind)
        return UserFactory(role=role, **kwargs)
    return make


@pytest.fixture(autouse=True)
def _no_refusals_from_the_last_test():
    """Refusals remembered until their transaction commits (audit_log/refusals.py) belong to one
    test: the test's transaction is rolled back, never committed, so they are dropped here."""
    forget_refusals()
    yield
    forget_refusals()
