"""Every page and every API endpoint, for every role: who gets in and who is refused.

The table is written out by hand on purpose: it is the specification the policy must meet, and a
new page without a row here fails ``test_every_page_is_in_the_matrix``."""

from datetime import timedelta

import pytest
from django.urls import get_resolver
from django.utils import timezone

from lantern.access.models import BreakGlassAccess
from lantern.accounts.models import ApiToken
from lantern.accounts.roles import Role, TeamKind
from lantern.tasks.models import BackgroundTask
from lantern.testing.factories import ChildFactory, InvolvementFactory, TeamFactory

R = Role
ALL = frozenset(Role)
NOT_ADMIN = ALL - {R.ADMINISTRATOR}
STAFF = ALL - {R.PARTNER_PRACTITIONER}
CASE_WORKERS = frozenset({R.SOCIAL_WORKER, R.SENIOR_PRACTITIONER, R.TEAM_MANAGER, R.SERVICE_MANAGER,
                          R.FRONT_DOOR_SCREENER, R.EARLY_HELP_PRACTITIONER})
MANAGERS = frozenset({R.TEAM_MANAGER, R.SERVICE_MANAGER})
BREAK_GLASS = STAFF - {R.ADMINISTRATOR, R.INSPECTOR}
MY_WORK = CASE_WORKERS | {R.CP_CHAIR}
TEAM_WORK = MANAGERS | {R.SENIOR_PRACTITIONER}
SERVICE_WORK = MANAGERS | {R.QA_AUDITOR, R.PERFORMANCE_ANALYST, R.INSPECTOR}
ADMIN = frozenset({R.ADMINISTRATOR})

# url name → (path template, roles that get a 200 from GET)
PAGES = {
    "home": ("/", ALL),
    "people:search": ("/children/?q=brookfield", NOT_ADMIN),
    "people:child_create": ("/children/new/", CASE_WORKERS),
    "people:child_detail": ("/children/{child}/", NOT_ADMIN),
    "people:child_edit": ("/children/{child}/edit/", CASE_WORKERS),
    "people:family_member_create": ("/children/{child}/family/new/", CASE_WORKERS),
    "people:relationship_create": ("/children/{child}/family/link/", CASE_WORKERS),
    "people:address_create": ("/children/{child}/addresses/new/", CASE_WORKERS),
    "people:allocation_create": ("/children/{child}/allocation/new/", CASE_WORKERS),
    "people:involvement_create": ("/children/{child}/professionals/new/", CASE_WORKERS),
    "access:child_access_log": ("/children/{child}/access-log/", MANAGERS),
    "access:child_restriction": ("/children/{child}/restriction/", MANAGERS),
    # Out of reach, or not restricted, this page answers 404 (tests/test_hostile_insider.py).
    "access:break_glass": ("/children/{unopened}/break-glass/", BREAK_GLASS),
    "access:break_glass_write": ("/children/{restricted}/break-glass/changes/", {R.SOCIAL_WORKER}),
    "access:notices_read": ("/break-glass/notices/read/", set(), 405),
    "access:break_glass_review": ("/break-glass/", {R.ADMINISTRATOR}),
    "access:break_glass_review_one": ("/break-glass/{glass}/", {R.ADMINISTRATOR}),
    "accounts:teams": ("/teams/", STAFF),
    "accounts:team_detail": ("/teams/{team}/", STAFF),
    "accounts:agencies": ("/agencies/", STAFF),
    "accounts:api_tokens": ("/api-tokens/", ALL),
    "obligations:my_work": ("/work/", MY_WORK),
    "obligations:team_work": ("/work/team/", TEAM_WORK),
    "obligations:service_work": ("/work/service/", SERVICE_WORK),
    "obligations:service_drill_down": ("/work/service/children/?team={team}&rule=single_assessment&status=overdue",
                                       SERVICE_WORK),
    "obligations:settings": ("/settings/timescales/", ADMIN),
    "obligations:policy_change": ("/settings/timescales/cp_visit_interval/", ADMIN),
    # A task's progress is only for the person who started it; to anyone else it does not exist.
    "tasks:task_detail": ("/tasks/{task}/", ADMIN, 404),
    "tasks:task_retry": ("/tasks/{task}/retry/", ADMIN, 404),
}
PUBLIC = {"login", "logout", "healthz"}

# (method, path template, roles that succeed) for the API; others get 401/403.
ENDPOINTS = [
    ("get", "/api/v1/children?q=brookfield", NOT_ADMIN),
    ("get", "/api/v1/children/{child}", NOT_ADMIN),
    ("get", "/api/v1/me", ALL),
    ("get", "/api/v1/children/{child}/relationships", NOT_ADMIN - {R.PARTNER_PRACTITIONER}),
    ("get", "/api/v1/children/{child}/addresses", NOT_ADMIN - {R.PARTNER_PRACTITIONER}),
    ("get", "/api/v1/children/{child}/allocations", NOT_ADMIN),
    ("get", "/api/v1/children/{child}/professionals", NOT_ADMIN),
    ("get", "/api/v1/teams", STAFF),
    ("get", "/api/v1/staff", STAFF),
    ("get", "/api/v1/agencies", STAFF),
    ("patch", "/api/v1/children/{child}", CASE_WORKERS),
    ("get", "/api/v1/children/{child}/timescales", NOT_ADMIN - {R.PARTNER_PRACTITIONER}),
    ("get", "/api/v1/children/{child}/timescales?as_of=2025-03-31", NOT_ADMIN - {R.PARTNER_PRACTITIONER}),
    ("get", "/api/v1/worklists/mine", MY_WORK),
    ("get", "/api/v1/tasks/{task}", ADMIN),  # only the person who started a task; anyone else gets 404
    ("get", "/api/v1/worklists/teams/{team}", TEAM_WORK),
    ("get", "/api/v1/worklists/teams/{team}?status=overdue&rule_id=single_assessment", TEAM_WORK),
    ("get", "/api/v1/worklists/service?team_id={team}", SERVICE_WORK),
    ("get", "/api/v1/local-timescales", ADMIN),
    ("get", "/api/v1/closure-days", ADMIN),
    ("get", "/api/v1/break-glass?status=pending", ADMIN),
    ("get", "/api/v1/children/{child}/restriction", MANAGERS),
    ("get", "/api/v1/me/break-glass-notices", NOT_ADMIN),
]


def _feature_matrices():
    from importlib import import_module

    from lantern.parts import part_names

    return [import_module(f"lantern.{app}.tests.matrix") for app in part_names()]


for _matrix in _feature_matrices():
    duplicated = set(PAGES) & set(_matrix.PAGES)
    assert not duplicated, f"{_matrix.__name__} repeats {duplicated}"
    PAGES.update(_matrix.PAGES)
    ENDPOINTS.extend(_matrix.ENDPOINTS)


def _named_urls(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if hasattr(pattern, "url_patterns"):
            ns = getattr(pattern, "namespace", None)
            if ns == "api":
                continue
            yield from _named_urls(pattern, f"{prefix}{ns}:" if ns else prefix)
        elif pattern.name:
            yield prefix + pattern.name


@pytest.fixture
def world(team, make_user, social_worker):
    # The service runs a front door, so its service manager oversees it (frontdoor/permissions.py).
    TeamFactory(service=team.service, kind=TeamKind.FRONT_DOOR)
    users = {role: make_user(role, team=team) for role in Role if role != R.PARTNER_PRACTITIONER}
    users[R.PARTNER_PRACTITIONER] = make_user(R.PARTNER_PRACTITIONER)
    users[R.SOCIAL_WORKER] = social_worker
    child = ChildFactory(first_name="Jonathan", last_name="Brookfield", current_team=team,
                         current_worker=social_worker)
    InvolvementFactory(child=child, agency=users[R.PARTNER_PRACTITIONER].agency,
                       practitioner=users[R.PARTNER_PRACTITIONER])
    restricted = ChildFactory(current_team=team, is_restricted=True)
    glass = BreakGlassAccess.objects.create(child=restricted, user=social_worker, reason="Urgent police request",
                                            started_at=timezone.now(), expires_at=timezone.now() + timedelta(hours=1))
    # Nobody has broken the glass on this one yet: its break-glass page is the one offered.
    unopened = ChildFactory(current_team=team, is_restricted=True)
    task = BackgroundTask.objects.create(kind="test", title="A finished task", started_by=users[R.ADMINISTRATOR],
                                         status=BackgroundTask.Status.DONE)
    ids = {"child": child.pk, "restricted": restricted.pk, "unopened": unopened.pk, "glass": glass.pk,
           "team": team.pk, "task": task.pk}
    for matrix in _feature_matrices():
        ids.update(matrix.world(users, dict(ids)))
    return users, ids


def test_every_page_is_in_the_matrix():
    assert set(_named_urls()) - PUBLIC == set(PAGES)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_access_for_every_role(client, world, name):
    users, ids = world
    path, allowed, *refused = PAGES[name]
    url = path.format(**ids)
    for role, user in users.items():
        client.force_login(user)
        status = client.get(url).status_code
        expected = 200 if role in allowed else (refused[0] if refused else 403)
        assert status == expected, f"{role} GET {url}: {status}, expected {expected}"


@pytest.mark.parametrize("name", sorted(PAGES))
def test_signed_out_people_are_sent_to_sign_in(client, world, name):
    _, ids = world
    response = client.get(PAGES[name][0].format(**ids))
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/")


def _token(user) -> str:
    key = f"test-token-{user.pk}"
    ApiToken.objects.create(user=user, name="matrix", key_hash=ApiToken.hash_key(key), prefix=key[:8])
    return key


@pytest.mark.parametrize("method,path,allowed", ENDPOINTS, ids=[f"{m} {p}" for m, p, _ in ENDPOINTS])
def test_api_access_for_every_role(client, world, method, path, allowed):
    users, ids = world
    url = path.format(**ids)
    for role, user in users.items():
        headers = {"HTTP_AUTHORIZATION": f"Bearer {_token(user)}"}
        if method == "patch":
            version = client.get(f"/api/v1/children/{ids['child']}", **headers).json().get("version", 1)
            response = client.patch(url, {"version": version, "known_as": f"Jon {role}"},
                                    content_type="application/json", **headers)
        else:
            response = client.get(url, **headers)
        ok = response.status_code == 200
        assert ok == (role in allowed), f"{role} {method} {url}: {response.status_code} {response.content[:200]}"
    assert client.get(url).status_code == 401
