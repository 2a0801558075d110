"""Where the current request came from, for the audit rows written deeper down.

A context variable keeps services free of request objects while still recording the address and
channel (web page, API, management command) of every action."""

import ipaddress
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
    """The address a request came from. ``X-Forwarded-For`` is believed only when the request
    itself came from one of the authority's own proxies (``LANTERN_TRUSTED_PROXIES``); the client
    is then the nearest address in the chain that is not one of them. Anyone else could write any
    address they liked there, and the audit trail would record it."""
    remote = meta.get("REMOTE_ADDR") or None
    if not _trusted(remote):
        return remote
    hops = [hop.strip() for hop in meta.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _trusted(hop):
            return hop if _address(hop) else remote
    return hops[0] if hops and _address(hops[0]) else remote


def _address(text: str | None):
    try:
        return ipaddress.ip_address(text or "")
    except ValueError:
        return None


def _trusted(text: str | None) -> bool:
    address = _address(text)
    return address is not None and any(address in network for network in _trusted_networks())


def _trusted_networks() -> list:
    from django.conf import settings

    return [ipaddress.ip_network(n, strict=False) for n in getattr(settings, "LANTERN_TRUSTED_PROXIES", ())]
