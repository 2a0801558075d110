"""Property-based fuzzing of every API operation (schemathesis, see docs/adr/0014).

Each operation in the published OpenAPI document gets generated requests, valid and invalid by its
own schema, half of them aimed at real records of a small world (a child through to a child
protection plan), sent through the WSGI application as a team manager, a partner practitioner and,
for the settings, an administrator. No answer may be a 5xx, and a documented answer must match its
documented shape. Examples are derandomised and few, so the run is the same every time and short;
each one is rolled back, so every example meets the same world."""

import re
from collections.abc import Callable

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, Phase, Verbosity, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from lantern.accounts.models import ApiToken
from lantern.accounts.roles import Role
from lantern.api.urls import api
from lantern.assessments.sections import SECTION_BY_KEY
from lantern.returns.cin_census.years import SUPPORTED_YEARS
from lantern.returns.performance.services import BY_SLUG
from lantern.timescales.rules import LOCAL_POLICY_DEFAULTS
from tests.test_permission_matrix import world  # noqa: F401  (the fixture)

POSITIVE, NEGATIVE, HOSTILE_EXAMPLES = 8, 3, 4
# Starting an export or a PDF runs the whole task inline in tests: a few examples are enough.
SLOW = re.compile(r"^POST /api/v1/(census/\{year\}/(exports|validations)|annex-a/exports|partnership/compendiums|"
                  r"due-dates/recompute)$")
CHECKS = [not_a_server_error, response_schema_conformance]


def _settings(examples: int) -> settings:
    return settings(max_examples=examples, derandomize=True, database=None, deadline=None, print_blob=False,
                    verbosity=Verbosity.quiet, phases=[Phase.explicit, Phase.generate, Phase.shrink],
                    suppress_health_check=list(HealthCheck))


def _real_ids(ids: dict) -> dict[str, Callable[[str], st.SearchStrategy]]:
    """For each path parameter, the records of the world it may name (by the path it is in)."""
    by_prefix = {"census": [ids["census_export"]], "annex-a": [ids["annex_a_export"]]}

    def prefixed(path: str, default: list) -> st.SearchStrategy:
        for prefix, values in by_prefix.items():
            if path.startswith(f"/api/v1/{prefix}/"):
                return st.sampled_from(values)
        return st.sampled_from(default)

    def one_of(*names: str) -> Callable[[str], st.SearchStrategy]:
        return lambda path: st.sampled_from([ids[name] for name in names])

    return {
        "child_id": one_of("child", "plan_child", "restricted"),
        "contact_id": one_of("contact", "awaiting"), "contact_person_id": one_of("mention_child", "mention_adult"),
        "referral_id": one_of("sent_referral"), "notification_id": one_of("notification"),
        "threshold_id": one_of("level"), "episode_id": one_of("episode", "plan_episode", "cp_episode"),
        "transfer_id": one_of("transfer"), "assessment_id": one_of("assessment"), "cin_plan_id": one_of("plan"),
        "cin_review_id": lambda path: st.just(0), "closure_id": one_of("closure"), "visit_id": one_of("visit"),
        "strategy_discussion_id": one_of("cp_strategy"), "enquiry_id": one_of("cp_enquiry"),
        "enquiry_visit_id": one_of("cp_enquiry_visit"), "written_agreement_id": one_of("cp_agreement"),
        "conference_id": one_of("cp_icpc", "cp_review"), "invitation_id": one_of("cp_partner_invitation"),
        "cp_plan_id": one_of("cp_plan"), "core_group_id": one_of("cp_core_group"), "cp_visit_id": one_of("cp_visit"),
        "export_id": lambda path: prefixed(path, [0]), "compendium_id": one_of("partnership_pdf"),
        "team_id": one_of("team"), "task_id": one_of("task"), "break_glass_id": one_of("glass"),
        "closure_day_id": lambda path: st.just(0), "value_id": lambda path: st.just(0),
        "key": lambda path: st.sampled_from(sorted(LOCAL_POLICY_DEFAULTS)),
        "section": lambda path: st.sampled_from(sorted(SECTION_BY_KEY)),
        "measure": lambda path: st.sampled_from(sorted(BY_SLUG)), "year": lambda path: st.sampled_from(SUPPORTED_YEARS),
    }


@pytest.fixture
def wsgi_app():
    # As Django's test client does: the request signals would otherwise close the test's connection,
    # and with it the transaction the world lives in.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _token(user) -> dict:
    key = f"fuzz-{user.pk}"
    ApiToken.objects.create(user=user, name="fuzz", key_hash=ApiToken.hash_key(key), prefix=key[:8])
    return {"Authorization": f"Bearer {key}"}


_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MOMENT = re.compile(r"^(\d{4}-\d{2}-\d{2}T[\d:.]+)(Z|[+-]\d{2}:?\d{2})$")
# What a hostile caller tries (each once found a 500): a NUL character, a year the working-day
# calendar does not cover, a date-time without a time-zone offset.
HOSTILE = {"nul": lambda text: f"{text}\u0000", "far": lambda text: "0209" + text[4:] if _DAY.match(text) else text,
           "naive": lambda text: _MOMENT.sub(r"\1", text)}


def _spoiled(value, spoil):
    if isinstance(value, str):
        return spoil(value)
    if isinstance(value, list):
        return [_spoiled(item, spoil) for item in value]
    if isinstance(value, dict):
        return {key: _spoiled(item, spoil) for key, item in value.items()}
    return value


def _hostile(case_and_kind):
    case, kind = case_and_kind
    if isinstance(case.body, (dict, list)):
        case.body = _spoiled(case.body, HOSTILE[kind])
    if case.query:
        case.query = _spoiled(dict(case.query), HOSTILE[kind])
    return case


def _fuzz(operation, headers: dict, app, real: dict) -> None:
    path = operation.path
    names = re.findall(r"\{(\w+)\}", path)
    aimed = st.fixed_dictionaries({name: real[name](path) for name in names})
    positive = st.one_of(aimed.flatmap(lambda params: operation.as_strategy(path_parameters=params)),
                         operation.as_strategy())
    negative = aimed.flatmap(lambda params: operation.as_strategy(GenerationMode.NEGATIVE, path_parameters=params))
    hostile = st.tuples(aimed.flatmap(lambda params: operation.as_strategy(path_parameters=params)),
                        st.sampled_from(sorted(HOSTILE))).map(_hostile)
    slow = bool(SLOW.match(f"{operation.method.upper()} {path}"))

    def run(strategy: st.SearchStrategy, examples: int) -> None:
        @_settings(examples)
        @given(strategy)
        def send(case) -> None:
            with transaction.atomic():
                response = case.call(app=app, headers=headers)
                transaction.set_rollback(True)
            case.validate_response(response, checks=CHECKS)

        send()

    run(positive, 2 if slow else POSITIVE)
    run(negative, 1 if slow else NEGATIVE)
    run(hostile, 1 if slow else HOSTILE_EXAMPLES)


def test_no_operation_answers_5xx_or_off_its_documented_shape(world, wsgi_app):  # noqa: F811
    users, ids = world
    schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 80
    real = _real_ids(ids)
    admin_paths = ("/api/v1/local-timescales", "/api/v1/closure-days", "/api/v1/due-dates/", "/api/v1/break-glass")
    roles = [(Role.TEAM_MANAGER, ("",)), (Role.PARTNER_PRACTITIONER, ("",)), (Role.ADMINISTRATOR, admin_paths)]
    failures = []
    for role, under in roles:
        headers = _token(users[role])
        for operation in operations:
            if not operation.path.startswith(under):
                continue
            try:
                _fuzz(operation, headers, wsgi_app, real)
            except (Exception, BaseExceptionGroup) as exc:  # every operation is tried; all failures reported
                failures.append(f"{role} {operation.method.upper()} {operation.path}: "
                                f"{type(exc).__name__}: {str(exc)[:800]}")
    assert not failures, "\n\n".join(failures)
