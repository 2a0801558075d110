"""Where the current request came from, for the audit rows written deeper down.

A context variable keeps services free of request objects while still recording the address and
channel (web page, API, management command) of every action."""

from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class Origin:
    ip_address: str | None = None
    via: str = "command"


# Origin is frozen, so one shared default instance is safe.
_origin: ContextVar[Origin] = ContextVar("lantern_audit_origin", default=Origin())  # noqa: B039


def set_origin(origin: Origin):
    return _origin.set(origin)


def reset_origin(token) -> None:
    _origin.reset(token)


def current_origin() -> Origin:
    return _origin.get()


def client_ip(meta: dict) -> str | None:
    # Behind the authority's reverse proxy the first X-Forwarded-For hop is the client.
    forwarded = meta.get("HTTP_X_FORWARDED_FOR", "")
    return forwarded.split(",")[0].strip() or meta.get("REMOTE_ADDR") or None
