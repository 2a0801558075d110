"""Every request shape and parameter goes through the shared checks, and every refusal of input has
one shape, whoever refused it."""

import types
import typing
from datetime import date, datetime, time

import pytest
from pydantic import BaseModel

from lantern.accounts.models import ApiToken
from lantern.accounts.roles import Role
from lantern.api.schema import InputSchema, _checked
from lantern.api.urls import api


def _operations(router=None):
    routers = [router] if router else [r for _, r, *_ in api._router_registrations]
    for each in routers:
        for path, view in each.path_operations.items():
            for operation in view.operations:
                yield path, operation
        for _, child, _ in each._routers:
            yield from _operations(child)


def _parts(annotation):
    """The plain types inside an annotation, each with whether the shared check is attached."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        inner, *metadata = typing.get_args(annotation)
        checked = any(getattr(m, "func", None) is _checked for m in metadata)
        yield from ((kind, checked or was) for kind, was in _parts(inner))
    elif origin in (typing.Union, types.UnionType, list, dict, tuple, set):
        for arg in typing.get_args(annotation):
            yield from _parts(arg)
    else:
        yield annotation, False


def _shapes(model, seen):
    if model in seen:
        return
    seen.add(model)
    yield model
    for field in model.model_fields.values():
        for kind, _ in _parts(field.annotation):
            if isinstance(kind, type) and issubclass(kind, BaseModel):
                yield from _shapes(kind, seen)


def test_every_request_shape_inherits_the_shared_input_schema():
    seen: set = set()
    shapes = [shape for _, op in _operations() for model in op.models if model.__ninja_param_source__ == "body"
              for field in model.model_fields.values() for kind, _ in _parts(field.annotation)
              if isinstance(kind, type) and issubclass(kind, BaseModel) for shape in _shapes(kind, seen)]
    assert len(shapes) > 40
    assert [s.__name__ for s in shapes if not issubclass(s, InputSchema)] == []


def test_every_text_date_and_number_parameter_is_checked():
    unchecked = []
    for path, op in _operations():
        for model in op.models:
            source = model.__ninja_param_source__
            if source not in ("query", "path"):
                continue
            for name, field in model.model_fields.items():
                for kind, checked in _parts(typing.Annotated[field.annotation, *field.metadata]
                                            if field.metadata else field.annotation):
                    needs = (str, date, datetime, time) + ((int,) if source == "query" else ())
                    if kind in needs and not checked:
                        unchecked.append(f"{path} {name}")
                    # A group of query parameters (paging, a date range) is checked by its own shape.
                    if isinstance(kind, type) and issubclass(kind, BaseModel) and not issubclass(kind, InputSchema):
                        unchecked.append(f"{path} {name}")
    assert unchecked == []


def _bearer(user) -> dict:
    key = f"checks-{user.pk}"
    ApiToken.objects.get_or_create(user=user, name="t", key_hash=ApiToken.hash_key(key), prefix=key[:8])
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_refusals_by_the_request_shape_and_by_a_service_have_one_shape(client, social_worker, child, other_team):
    headers = _bearer(social_worker)
    by_shape = client.post(f"/api/v1/children/{child.pk}/addresses", {"line_1": "", "town": "Brindleford",
                                                                       "postcode": "LZ2 4QT", "moved_in": "2025-01-06"},
                           content_type="application/json", **headers)
    by_service = client.post(f"/api/v1/children/{child.pk}/allocations",  # the worker is not in that team
                             {"team_id": other_team.pk, "worker_id": social_worker.pk, "start_date": "2025-01-06"},
                             content_type="application/json", **headers)
    for response, field in ((by_shape, "line_1"), (by_service, "worker_id")):
        body = response.json()
        assert response.status_code == 422 and set(body) == {"detail", "errors"}, body
        assert body["detail"].endswith(".") and list(body["errors"]) == [field]
        assert all(isinstance(m, str) for m in body["errors"][field])


def test_a_bad_query_parameter_and_a_missing_body_have_the_same_shape(client, social_worker, child):
    headers = _bearer(social_worker)
    query = client.get(f"/api/v1/children/{child.pk}/timescales?as_of=31-03-2025", **headers)
    assert query.status_code == 422 and list(query.json()["errors"]) == ["as_of"]
    body = client.post(f"/api/v1/children/{child.pk}/addresses", "[1, 2]", content_type="application/json", **headers)
    assert body.status_code == 422 and body.json()["errors"] == {"__all__": ["Send a JSON object as the body of the "
                                                                             "request"]}


@pytest.mark.parametrize("debug", [False, True])
def test_an_unexpected_error_is_a_plain_json_500_with_a_reference(client, social_worker, settings, monkeypatch,
                                                                  debug):
    """With DEBUG on, the reply used to carry the traceback (and with it a database row)."""
    from django.db import IntegrityError

    def broken(*args, **kwargs):
        raise IntegrityError('null value in column "first_name"\nDETAIL:  Failing row contains (7, Amira, '
                             'Testington, 9990001234).')

    settings.DEBUG = debug
    monkeypatch.setattr("lantern.people.api.children.search_children", broken)
    client.raise_request_exception = False
    response = client.get("/api/v1/children?q=Amira", **_bearer(social_worker))
    assert response.status_code == 500 and response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"detail", "reference"} and body["reference"] in body["detail"]
    text = response.content.decode()
    for leaked in ("Traceback", "Failing row", "Testington", "IntegrityError", "first_name"):
        assert leaked not in text


def test_the_shared_checks_apply_inside_nested_parts_with_their_paths(client, make_user):
    screener = make_user(Role.FRONT_DOOR_SCREENER)
    body = {"source": "3A", "concern": "Worried", "discussed_with_parents": True,
            "people": [{"first_name": "Amira", "last_name": "Testington"},
                       {"first_name": "Kofi\u0000", "last_name": "Marlowe", "date_of_birth": "1066-10-14"}]}
    response = client.post("/api/v1/frontdoor/contacts", body, content_type="application/json", **_bearer(screener))
    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"people.1.first_name", "people.1.date_of_birth"}


def test_every_shape_has_its_own_name_in_the_openapi_document():
    """The document names each shape by its class: two classes with one name showed one of them in
    both places (a child in need plan was documented as a child protection plan)."""
    by_name: dict[str, set] = {}

    def collect(model):
        if isinstance(model, type) and issubclass(model, BaseModel) and model not in by_name.get(model.__name__, ()):
            by_name.setdefault(model.__name__, set()).add(model)
            for field in model.model_fields.values():
                for kind, _ in _parts(field.annotation):
                    collect(kind)

    for _, op in _operations():
        for model in [m.model_fields[n].annotation for m in op.models if m.__ninja_param_source__ == "body"
                      for n in m.model_fields] + list((op.response_models or {}).values()):
            collect(model)
    shared = {name for name, classes in by_name.items() if len(classes) > 1 and name != "NinjaResponseSchema"}
    assert shared == set()


def test_times_of_day_are_documented_as_local_times_and_refused_with_an_offset():
    """Found by the fuzz test: "10:30:00" broke its own documented format (JSON Schema's "time"
    requires an offset), and a time with an offset reached SQLite, which cannot store one."""
    import re

    from lantern.protection.schemas import EnquiryVisitIn

    held_at = api.get_openapi_schema()["components"]["schemas"]["StrategyOut"]["properties"]["held_at"]
    assert "format" not in held_at and re.match(held_at["pattern"], "10:30:00")
    visit = {"visit_date": "2025-03-05", "visit_time": "10:30+01:00", "visited_by_id": 1}
    with pytest.raises(Exception) as refused:
        EnquiryVisitIn.model_validate(visit)
    assert [e["type"] for e in refused.value.errors()] == ["aware_time"]
