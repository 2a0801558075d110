"""The hostile insider: every role, on every page and endpoint of the permission matrix, against a
child outside their reach and a restricted child, both with a whole journey of records.

Beside the matrix's own child (in everyone's team), the world holds:
- an out-of-scope child ("Zebulon Outfield"), held by a team in another service, with their own
  episode, assessment, plans, conferences, visits and contacts, made by that service's staff;
- a restricted child ("Ravenna Sequestra"), held by everyone's own team, with the same journey,
  restricted afterwards with nobody of the tested roles named on it.
Both are linked to the matrix's child as siblings, named with it on contacts, and searched for by
name, so that anything shown *through* another record is probed too.

The rules checked: no page or endpoint about either child answers 200 (except the out-of-scope child
to the authority-wide roles, and to the front door on front door pages), none answers 5xx, and no
response, whatever its status, carries either child's name unless the role may see that child.
A refusal for a record out of reach is 404, the same as for a record that does not exist."""

import re
from importlib import import_module

import pytest

from lantern.access.permissions import ROLE_SCOPE, Scope
from lantern.accounts.roles import Role, TeamKind
from lantern.frontdoor.codes import PersonRole
from lantern.frontdoor.models import ContactPerson
from lantern.frontdoor.testing import decide, received_contact
from lantern.people.models import Person, Relationship
from lantern.testing.api import bearer
from lantern.testing.factories import (
    ChildFactory,
    InvolvementFactory,
    PartnerFactory,
    ServiceFactory,
    TeamFactory,
    UserFactory,
)

from .test_permission_matrix import ENDPOINTS, PAGES, world  # noqa: F401 (the matrix's world fixture)

R = Role
OUTSIDE, RESTRICTED = ("Zebulon", "Outfield"), ("Ravenna", "Sequestra")
AUTHORITY_WIDE = frozenset(role for role, scope in ROLE_SCOPE.items() if scope is Scope.AUTHORITY)
FRONT_DOOR_PATHS = ("/front-door/", "/api/v1/frontdoor/")
JOURNEY_APPS = ("referrals", "assessments", "cin", "visits", "protection")
# Placeholders that name a child or one of a child's records in the matrix's path templates.
CHILD_KEYS = frozenset({"child", "cp_child", "plan_child", "episode", "plan_episode", "plan", "closure", "visit",
                        "assessment", "transfer", "contact", "awaiting", "mention_child", "mention_adult",
                        "cp_episode", "cp_strategy", "cp_enquiry", "cp_icpc", "cp_review", "cp_plan",
                        "cp_partner_invitation", "cp_agreement", "cp_enquiry_visit", "cp_core_group", "cp_visit"})
SEARCHES = [f"/children/?q={OUTSIDE[0]}+{OUTSIDE[1]}", f"/children/?q={RESTRICTED[0]}+{RESTRICTED[1]}",
            f"/api/v1/children?q={OUTSIDE[1]}", f"/api/v1/children?q={RESTRICTED[1]}"]


def _staff(service, team) -> dict:
    TeamFactory(service=service, kind=TeamKind.FRONT_DOOR)
    users = {role: UserFactory(role=role, team=team) for role in Role if role != R.PARTNER_PRACTITIONER}
    users[R.PARTNER_PRACTITIONER] = PartnerFactory()
    return users


def _journey(users, child, team) -> dict:
    """The child's records, through the feature matrices' own world builders and the front door's."""
    InvolvementFactory(child=child, agency=users[R.PARTNER_PRACTITIONER].agency,
                       practitioner=users[R.PARTNER_PRACTITIONER])
    ids = {"child": child.pk, "team": team.pk}
    for app in JOURNEY_APPS:
        ids.update(import_module(f"lantern.{app}.tests.matrix").world(users, dict(ids)))
    screener = users[R.FRONT_DOOR_SCREENER]
    contact = received_contact(screener, child, adult=True)
    awaiting = received_contact(screener, child, concern="A second worry about the same child.")
    decide(screener, awaiting)
    mentions = {m.role: m.pk for m in contact.people.all()}
    ids.update(contact=contact.pk, awaiting=awaiting.pk, mention_child=mentions[PersonRole.CHILD],
               mention_adult=mentions[PersonRole.ADULT])
    return ids


def _named(first_id: int, first_mention: int, name: tuple[str, str], *, restrict: bool) -> None:
    """Every person and contact mention made since the ids given carries ``name``, so that any
    response naming them can be found; the restricted journey's children are restricted."""
    Person.objects.filter(pk__gt=first_id).update(first_name=name[0], last_name=name[1])
    ContactPerson.objects.filter(pk__gt=first_mention).update(first_name=name[0], last_name=name[1])
    if restrict:
        Person.objects.filter(pk__gt=first_id, is_child_record=True).update(is_restricted=True)


@pytest.fixture
def hostile_world(request, db):
    users, ids = request.getfixturevalue("world")
    child = Person.objects.get(pk=ids["child"])
    team = child.current_team

    def marks():
        return (Person.objects.order_by("-pk").values_list("pk", flat=True).first(),
                ContactPerson.objects.order_by("-pk").values_list("pk", flat=True).first() or 0)

    # The out-of-scope child, with a journey made by another service's staff.
    other_service = ServiceFactory(name="Disabled children's service")
    other_team = TeamFactory(service=other_service)
    others = _staff(other_service, other_team)
    person_mark, mention_mark = marks()
    outside = ChildFactory(current_team=other_team, current_worker=others[R.SOCIAL_WORKER])
    outside_ids = _journey(others, outside, other_team)
    _named(person_mark, mention_mark, OUTSIDE, restrict=False)

    # The restricted child, in everyone's own team, restricted once its journey is made.
    person_mark, mention_mark = marks()
    hidden = ChildFactory(current_team=team, current_worker=users[R.SOCIAL_WORKER])
    hidden_ids = _journey(users, hidden, team)
    _named(person_mark, mention_mark, RESTRICTED, restrict=True)

    # Both reached through the matrix's own child: as siblings, and named with it on a contact.
    for relative in (outside, hidden):
        Relationship.objects.create(child=child, relative=relative, relationship_type="sibling")
    together = received_contact(users[R.FRONT_DOOR_SCREENER], child, first_name=child.first_name,
                                last_name=child.last_name)
    together.people.create(role=PersonRole.CHILD, first_name=OUTSIDE[0], last_name=OUTSIDE[1], person=outside)
    return users, ids, outside_ids, hidden_ids, together


def _may_see_outside(role: str, path: str) -> bool:
    return role in AUTHORITY_WIDE or (role == R.SERVICE_MANAGER and path.startswith(FRONT_DOOR_PATHS))


def _leaked(body: str, role: str, path: str) -> list[str]:
    if "?q=" in path:  # a search page shows the words searched for; what it found must not include them
        body = re.sub(r'value="[^"]*"', "", body).replace(path.split("?q=", 1)[1].replace("+", " "), "")
    found = []
    if RESTRICTED[1] in body:
        found.append("the restricted child")
    if OUTSIDE[1] in body and not _may_see_outside(role, path):
        found.append("the out-of-scope child")
    return found


def _get(client, user, path: str):
    if path.startswith("/api/"):
        return client.get(path, **bearer(user))
    client.force_login(user)
    return client.get(path)


def _child_templates() -> list[str]:
    templates = [path for path, *_ in PAGES.values()] + [path for method, path, _ in ENDPOINTS if method == "get"]
    return [t for t in templates if set(re.findall(r"{(\w+)}", t)) and set(re.findall(r"{(\w+)}", t)) <= CHILD_KEYS]


def _probe_records(client, users, ids: dict, *, outside: bool) -> list[str]:
    problems = []
    for template in _child_templates():
        path = template.format(**ids)
        for role, user in users.items():
            response = _get(client, user, path)
            body = response.content.decode(errors="replace")
            status = response.status_code
            allowed = outside and _may_see_outside(role, path)
            if status >= 500:
                problems.append(f"{role} GET {path}: {status}")
            elif status == 200 and not allowed:
                problems.append(f"{role} GET {path}: 200 about a child out of reach")
            elif status != 200 and _leaked(body, role, path):
                problems.append(f"{role} GET {path}: {status} naming {_leaked(body, role, path)}")
            if outside and not allowed and status not in (403, 404, 302, 405):
                problems.append(f"{role} GET {path}: {status}, expected a refusal")
    return problems


def test_no_role_reaches_an_out_of_scope_childs_records(client, hostile_world):
    users, _, outside_ids, _, _ = hostile_world
    problems = _probe_records(client, users, outside_ids, outside=True)
    assert not problems, "\n".join(problems)


def test_no_role_reaches_a_restricted_childs_records(client, hostile_world):
    users, _, _, hidden_ids, _ = hostile_world
    problems = _probe_records(client, users, hidden_ids, outside=False)
    assert not problems, "\n".join(problems)


def test_out_of_reach_is_answered_as_not_found(client, hostile_world):
    """Outside their reach, staff get the answer a missing record gets: 404 on pages and the API."""
    users, _, outside_ids, _, _ = hostile_world
    worker = users[R.SOCIAL_WORKER]
    missing = Person.objects.order_by("-pk").first().pk + 1000
    for template in ("/children/{child}/", "/api/v1/children/{child}", "/api/v1/children/{child}/relationships",
                     "/children/{child}/chronology/", "/api/v1/episodes/{episode}", "/api/v1/cp-plans/{cp_plan}",
                     "/api/v1/cin-plans/{plan}", "/api/v1/assessments/{assessment}", "/api/v1/cp-visits/{cp_visit}",
                     "/api/v1/written-agreements/{cp_agreement}", "/api/v1/transfers/{transfer}"):
        out_of_reach = _get(client, worker, template.format(**outside_ids))
        absent = _get(client, worker, template.format(**{k: missing for k in outside_ids}))
        assert out_of_reach.status_code == absent.status_code == 404, template
        if template.startswith("/api/"):
            assert out_of_reach.json() == absent.json()


def test_nothing_shows_either_child_through_another_record(client, hostile_world):
    """Every page and endpoint of the matrix, and searches by their names, for every role."""
    users, ids, _, _, together = hostile_world
    ids = {**ids, "together": together.pk}
    templates = [path for path, *_ in PAGES.values()] + [path for method, path, _ in ENDPOINTS if method == "get"]
    templates += SEARCHES + ["/front-door/contacts/{together}/", "/api/v1/frontdoor/contacts/{together}"]
    problems = []
    for template in templates:
        path = template.format(**ids)
        for role, user in users.items():
            response = _get(client, user, path)
            if response.status_code >= 500:
                problems.append(f"{role} GET {path}: {response.status_code}")
            leaked = _leaked(response.content.decode(errors="replace"), role, path)
            if leaked:
                problems.append(f"{role} GET {path}: {response.status_code} shows {leaked}")
    assert not problems, "\n".join(problems)


WRITES = [
    ("/api/v1/children/{child}/relationships", {"relative_id": "{child}", "relationship_type": "sibling"}),
    ("/api/v1/children/{child}/family-members", {"relationship_type": "mother", "first_name": "Probe",
                                                  "last_name": "Insider"}),
    ("/api/v1/children/{child}/addresses", {"line_1": "1 Probe Row", "town": "Brindleford", "postcode": "LZ1 1AA",
                                             "moved_in": "2025-01-01"}),
    ("/api/v1/children/{child}/professionals", {"agency_id": 1, "role": "Probe", "start_date": "2025-01-01",
                                                 "practitioner_name": "Probe"}),
    ("/api/v1/children/{child}/episodes", {"referral_date": "2025-01-01", "referral_source": "2A",
                                            "primary_need": "N1"}),
    ("/api/v1/frontdoor/contacts/{contact}/agency-checks", {"agency_name": "Probe", "asked_on": "2025-01-02",
                                                            "response": "Probe"}),
    ("/api/v1/frontdoor/contacts/{contact}/screening-notes", {"notes": "Probe", "version": 1}),
    ("/api/v1/episodes/{episode}/transfers", {"to_team_id": 1, "transfer_date": "2025-01-02", "summary": "x" * 30,
                                              "risk_evaluation": "x" * 30}),
    ("/api/v1/episodes/{episode}/assessments", {"started_on": "2025-01-02"}),
    ("/api/v1/enquiries/{cp_enquiry}/lead", {"lead_worker_id": 1, "version": 1}),
    ("/api/v1/conferences/{cp_review}/invitations", {"agency_kind": "police", "invitee_name": "Probe"}),
    ("/api/v1/cp-plans/{cp_plan}/members", {"agency_kind": "police", "name": "Probe"}),
    ("/api/v1/cp-plans/{cp_plan}/updates", {"text": "An insider's update"}),
    ("/api/v1/children/{child}/restriction", {"is_restricted": False, "named_user_ids": [], "reason": "Probe"}, "put"),
    ("/api/v1/children/{child}/break-glass", {"reason": "An insider wants to see this record now"}),
]


@pytest.mark.parametrize("target", ["outside", "restricted"])
def test_no_role_writes_to_a_child_out_of_reach(client, hostile_world, target):
    users, _, outside_ids, hidden_ids, _ = hostile_world
    ids = outside_ids if target == "outside" else hidden_ids
    problems = []
    for template, body, *method in WRITES:
        send = getattr(client, method[0] if method else "post")
        path = template.format(**ids)
        payload = {k: (v.format(**ids) if isinstance(v, str) and "{" in v else v) for k, v in body.items()}
        if "relative_id" in payload:
            payload["relative_id"] = int(payload["relative_id"]) + 1  # another of the child's own journey
        for role, user in users.items():
            response = send(path, payload, content_type="application/json", **bearer(user))
            # Break-glass on the restricted child is open to those in reach; the authority-wide roles
            # that may change records (the front door) may write to the out-of-scope child.
            allowed = (target == "restricted" and path.endswith("break-glass")) or (
                target == "outside" and _may_see_outside(role, path))
            if response.status_code < 300 and not allowed:
                problems.append(f"{role} POST {path}: {response.status_code}")
            # A payload the schema refuses never reaches the access check, so the row would prove nothing.
            if response.status_code == 422 and not allowed:
                problems.append(f"{role} POST {path}: the probe's payload is invalid {response.content[:160]!r}")
            if response.status_code >= 500 or _leaked(response.content.decode(), role, path):
                problems.append(f"{role} POST {path}: {response.status_code} {response.content[:120]!r}")
    assert not problems, "\n".join(problems)
