"""The JSON API at /api/v1: one NinjaAPI, each domain app adding its router."""

from importlib import import_module

from django.core.exceptions import PermissionDenied, ValidationError
from ninja import NinjaAPI
from ninja.errors import ValidationError as RequestValidationError

from lantern.access.api import router as access_router
from lantern.access.policy import OutOfReach
from lantern.accounts.api import router as accounts_router
from lantern.obligations.api import router as obligations_router
from lantern.parts import part_names
from lantern.people.api import router as people_router
from lantern.service_layer.concurrency import ConcurrentEditError
from lantern.tasks.api import router as tasks_router

from . import errors
from .auth import TokenAuth

api = NinjaAPI(
    title="Lantern API",
    version="1",
    description="Children's social care records. Every call uses the caller's access policy and is "
    "written to the audit trail, exactly as the pages are.",
    auth=TokenAuth(),
    urls_namespace="api",
)
api.add_router("/", people_router)
api.add_router("/", access_router)
api.add_router("/", accounts_router)
api.add_router("/", obligations_router)
api.add_router("/", tasks_router)
for _feature in part_names():
    api.add_router("/", import_module(f"lantern.{_feature}.api").router)


@api.exception_handler(OutOfReach)
def not_found(request, exc):
    """Missing and out of reach get the very same answer, so the API tells nobody which records exist."""
    return api.create_response(request, {"detail": "Not Found"}, status=404)


@api.exception_handler(PermissionDenied)
def refused(request, exc):
    return api.create_response(request, {"detail": str(exc) or "Not allowed"}, status=403)


@api.exception_handler(ConcurrentEditError)
def conflict(request, exc):
    return api.create_response(request, {"detail": exc.messages[0]}, status=409)


@api.exception_handler(ValidationError)
def invalid(request, exc):
    return errors.invalid(api, request, errors.errors_from_django(exc))


@api.exception_handler(RequestValidationError)
def invalid_request(request, exc):
    """Bodies and parameters that do not fit their shape: the same reply as a service's refusal."""
    return errors.invalid(api, request, errors.errors_from_ninja(exc))


@api.exception_handler(Exception)
def unexpected(request, exc):
    return errors.unexpected(api, request, exc)
