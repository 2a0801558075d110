"""The API's contract with integrators, read from the published OpenAPI document: every operation says
what it does; resources have plural, kebab-case names and one name per kind of record; a path
parameter is always ``{<resource>_id}``; and every list is the one paged shape, ``{items, next}``,
with ``limit`` and ``cursor``. A new endpoint that breaks a rule fails here before an integrator meets
it (docs/api-changelog.md lists what the rules changed)."""

import json
import re
from collections import defaultdict

import pytest
from django.core.serializers.json import DjangoJSONEncoder

from lantern.api.urls import api

PREFIX = "/api/v1"
SEGMENT = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

# Path parameters that are not a record's id, each a slug its own resource defines.
NOT_IDS = {
    "year": "a CIN census collection year (2025: the census ending 31 March 2025), not a record",
    "section": "an assessment section's key (seen, views, family...), fixed by the assessment's form",
    "measure": "a performance measure's slug, the one the dashboard's `children` links carry",
    "key": "a local timescale's key (cp_visit_interval...), the `key` the list of local timescales gives",
}
# Collections whose record's id is not simply their singular: ``/children/{child_id}``; the people a
# contact names are not Person records (those are ``person_id``), so they are ``contact_person_id``.
IRREGULAR = {"children": "child", "people": "contact_person", "break-glass": "break_glass"}
# Collection names that are not plural, with why.
NOT_PLURAL = {
    "break-glass": "the name of the practice, used on every page; each record is one use of it",
}


@pytest.fixture(scope="module")
def document() -> dict:
    """As published: through JSON, so response codes are the document's strings."""
    return json.loads(json.dumps(api.get_openapi_schema(path_prefix=PREFIX), cls=DjangoJSONEncoder))


def _operations(document):
    for path, item in document["paths"].items():
        for method, operation in item.items():
            yield path.removeprefix(PREFIX), method, operation


def _resolve(document, schema: dict) -> dict:
    while "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _ok(document, operation) -> dict | None:
    for status in ("200", "201"):
        content = operation.get("responses", {}).get(status, {}).get("content", {})
        if "application/json" in content:
            return _resolve(document, content["application/json"]["schema"])
    return None


def _singular(collection: str) -> str:
    if collection in IRREGULAR:
        return IRREGULAR[collection]
    name = collection.replace("-", "_")
    return name[:-3] + "y" if name.endswith("ies") else name.removesuffix("s")


def _is_list(schema: dict | None) -> bool:
    return bool(schema) and "items" in schema.get("properties", {})


def unexplained(document) -> list[str]:
    found = []
    for path, method, operation in _operations(document):
        summary, description = operation.get("summary", "").strip(), operation.get("description", "").strip()
        # Left out, ninja makes the summary from the function's name, every word capitalised ("Plan
        # Detail"); ours are sentences.
        if not summary or not description or (" " in summary and summary == summary.title()):
            found.append(f"{method.upper()} {path}")
    return found


def misnamed_parameters(document) -> list[str]:
    found = []
    for path, method, _ in _operations(document):
        segments = path.strip("/").split("/")
        for before, segment in zip(["", *segments], segments, strict=False):
            name = segment.strip("{}")
            if segment.startswith("{") and name not in NOT_IDS and name != f"{_singular(before)}_id":
                found.append(f"{method.upper()} {path}: {{{name}}} after /{before}")
    return found


def misnamed_resources(document) -> list[str]:
    found = set()
    for path, _, _ in _operations(document):
        segments = path.strip("/").split("/")
        for segment, following in zip(segments, [*segments[1:], ""], strict=True):
            if segment.startswith("{"):
                continue
            if not SEGMENT.match(segment):
                found.add(f"{path}: {segment} is not kebab-case")
            elif following.startswith("{") and following.strip("{}") not in NOT_IDS \
                    and segment not in NOT_PLURAL and _singular(segment) == segment.replace("-", "_"):
                found.add(f"{path}: {segment} is not plural")
    return sorted(found)


def meanings_named_twice(document) -> list[str]:
    """A path parameter names one kind of record, and a query parameter is not ``team`` in one list
    and ``team_id`` in another."""
    by_parameter: dict[str, set[str]] = defaultdict(set)
    query_names: set[str] = set()
    for path, _, operation in _operations(document):
        segments = path.strip("/").split("/")
        for before, segment in zip(["", *segments], segments, strict=False):
            if segment.startswith("{"):
                by_parameter[segment.strip("{}")].add(before)
        query_names |= {p["name"] for p in operation.get("parameters", []) if p["in"] == "query"}
    found = [f"{{{name}}} after {sorted(kinds)}" for name, kinds in by_parameter.items() if len(kinds) > 1]
    return found + [f"?{name} and {name}_id" for name in sorted(query_names)
                    if f"{name}_id" in query_names | set(by_parameter)]


def kinds_named_twice(document) -> list[str]:
    """A list of a kind of record under another (``/cp-plans/{cp_plan_id}/cp-visits``) has the name of
    that kind's own collection (``/cp-visits/{cp_visit_id}``), told by the shape of its items."""
    names: dict[str, set[str]] = defaultdict(set)
    for path, method, operation in _operations(document):
        segments = path.strip("/").split("/")
        schema = operation.get("responses", {}).get("200", {}).get("content", {}).get("application/json", {})
        ref = schema.get("schema", {}).get("$ref", "")
        if method != "get" or not ref:
            continue
        resolved = _resolve(document, schema["schema"])
        if _is_list(resolved) and len(segments) == 3 and segments[1].startswith("{"):
            names[resolved["properties"]["items"]["items"].get("$ref", "")].add(segments[2])
        elif len(segments) == 2 and segments[1].startswith("{"):
            names[ref].add(segments[0])
    return [f"{ref}: {sorted(kinds)}" for ref, kinds in names.items() if ref and len(kinds) > 1]


def bare_arrays(document) -> list[str]:
    return [f"GET {path}" for path, method, operation in _operations(document)
            if method == "get" and (_ok(document, operation) or {}).get("type") == "array"]


def unpaged_lists(document) -> list[str]:
    found = []
    for path, method, operation in _operations(document):
        schema = _ok(document, operation)
        if method != "get" or not _is_list(schema):
            continue
        properties = schema["properties"]
        parameters = {p["name"] for p in operation.get("parameters", []) if p["in"] == "query"}
        if set(properties) != {"items", "next"} or properties["items"].get("type") != "array":
            found.append(f"GET {path}: not {{items, next}}")
        if not {"limit", "cursor"} <= parameters:
            found.append(f"GET {path}: no limit and cursor")
    return found


RULES = [unexplained, misnamed_parameters, misnamed_resources, meanings_named_twice, kinds_named_twice,
         bare_arrays, unpaged_lists]


@pytest.mark.parametrize("rule", RULES, ids=[r.__name__ for r in RULES])
def test_the_api_keeps_the_rule(document, rule):
    assert rule(document) == []


def test_the_rules_see_every_list(document):
    """The walk finds the lists: were the document's shape to change, the rules would pass vacuously."""
    lists = [path for path, method, operation in _operations(document)
             if method == "get" and _is_list(_ok(document, operation))]
    assert len(lists) >= 40 and "/children/{child_id}/episodes" in lists


def test_each_rule_catches_what_it_is_for():
    """A document with one of each mistake the rules were written against."""
    page = {"type": "object", "properties": {"items": {"type": "array", "items": {"$ref": "#/c/s/VisitOut"}},
                                             "next": {"type": "string"}}}
    visit = {"$ref": "#/components/schemas/VisitOut"}

    def get(schema, **extra):
        return {"get": {"summary": "Something", "description": "Something more", "parameters": [],
                        "responses": {"200": {"content": {"application/json": {"schema": schema}}}}, **extra}}
    paths = {
        "/plans/{pk}": get(visit, summary="Plan Detail"),
        "/CarePlans/{care_plan_id}": get(visit),
        "/visits/{visit_id}": get(visit),
        "/children/{child_id}/home-visits": get({"$ref": "#/components/schemas/VisitPage"}),
        "/cp-plans/{plan_id}": get(visit),
        "/cin-plans/{plan_id}": get(visit),
        "/staff": get({"type": "array", "items": visit},
                      parameters=[{"name": "team", "in": "query"}, {"name": "team_id", "in": "query"}]),
    }
    document = {"paths": {f"{PREFIX}{path}": item for path, item in paths.items()},
                "components": {"schemas": {"VisitOut": {"type": "object"}, "VisitPage": {
                    **page, "properties": {**page["properties"], "items": {
                        "type": "array", "items": {"$ref": "#/components/schemas/VisitOut"}}}}}}}
    caught = {rule.__name__: rule(document) for rule in RULES}
    assert caught["unexplained"] == ["GET /plans/{pk}"]
    assert "GET /plans/{pk}: {pk} after /plans" in caught["misnamed_parameters"]
    assert "/CarePlans/{care_plan_id}: CarePlans is not kebab-case" in caught["misnamed_resources"]
    assert "{plan_id} after ['cin-plans', 'cp-plans']" in caught["meanings_named_twice"]
    assert "?team and team_id" in caught["meanings_named_twice"]
    assert any("home-visits" in problem for problem in caught["kinds_named_twice"])
    assert caught["bare_arrays"] == ["GET /staff"]
    assert caught["unpaged_lists"] == ["GET /children/{child_id}/home-visits: no limit and cursor"]
