"""The API's error replies: one shape for refused input, and a plain 500 that gives nothing away.

Refused input, whether ninja refused it while reading the request or a service refused it, answers

    422 {"detail": "<plain sentence>", "errors": {"<field path>": ["message", ...]}}

where the field path uses the request's own names, nested parts joined by dots
(``people.0.first_name``); ``__all__`` holds what concerns no one field."""

import logging
import secrets
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest, HttpResponse
from ninja.errors import ValidationError as NinjaValidationError

logger = logging.getLogger("lantern.api")

INVALID = "The request was not accepted: each error is listed under the field it concerns."
UNEXPECTED = "Something went wrong on our side and nothing was changed. If it happens again, quote reference {}."
NOT_A_FIELD = "Not a field of this request"
NO_BODY = "Send a JSON object as the body of the request"


def field_path(loc: Iterable[Any]) -> str:
    """ninja's location (source, [argument,] names...) as the request's own field path."""
    source, *rest = loc
    if source == "body" and rest:
        rest = rest[1:]  # the view's argument name (payload), which the caller never sees
    return ".".join(str(part) for part in rest) or "__all__"


def errors_from_ninja(exc: NinjaValidationError) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        path = field_path(error["loc"])
        if error["type"] == "extra_forbidden":
            message = NOT_A_FIELD
        elif path == "__all__" and error["loc"][0] == "body":
            message = NO_BODY
        else:
            message = error["msg"]
        errors.setdefault(path, []).append(message)
    return errors


def errors_from_django(exc: DjangoValidationError) -> dict[str, list[str]]:
    if hasattr(exc, "error_dict"):
        return {field: [str(m) for e in errs for m in e.messages] for field, errs in exc.error_dict.items()}
    return {"__all__": [str(m) for m in exc.messages]}


def invalid(api, request: HttpRequest, errors: Mapping[str, list[str]]) -> HttpResponse:
    return api.create_response(request, {"detail": INVALID, "errors": dict(errors)}, status=422)


def unexpected(api, request: HttpRequest, exc: Exception) -> HttpResponse:
    """Whatever DEBUG says: a reference to find the logged traceback by, and nothing else. The
    exception's text may hold a database row or a query's values, so it is only logged (and the
    log redacts database detail, see config/logging_filters.py)."""
    reference = secrets.token_hex(6)
    logger.error("Unexpected error, reference %s, answering %s %s", reference, request.method, request.path,
                 exc_info=(type(exc), exc, exc.__traceback__))
    return api.create_response(request, {"detail": UNEXPECTED.format(reference), "reference": reference},
                               status=500)
