"""The audit trail's hash chain, as pure functions shared by the writer, the sealer and the verifier.

Each row carries ``row_hash``, a hash over its own content (who, what, which children), worked out
when it is written. Sealing then gives each committed row the next number in the chain (``seq``)
and ``chain_hash``: a hash over the previous row's chain hash, its number, its id, the database's
time for it and its row hash. Changing, removing or reordering a sealed row breaks every link after
it, which ``manage.py audit_verify`` finds. PostgreSQL seals with a SQL function (migration 0004)
that must compute ``chain_link`` exactly as below; a test holds the two to each other."""

import hashlib
import ipaddress
import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder

GENESIS = "0" * 64


def plain_json(value: Any) -> Any:
    """``value`` as it will read back from a JSON column (dates as text, keys as strings)."""
    return None if value is None else json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def normal_ip(address: str | None) -> str | None:
    """The address as the database gives it back, so its hash survives the round trip."""
    if not address:
        return None
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def row_hash(*, actor_id: int | None, actor_role: str, ip_address: str | None, via: str, action: str,
             child_id: int | None, object_type: str, object_id: str, changes: Any, detail: str,
             children: Iterable[int] = ()) -> str:
    content = [actor_id, actor_role, ip_address, via, action, child_id, object_type, object_id, changes, detail,
               sorted(set(children))]
    text = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def at_text(at: datetime) -> str:
    """The row's time as the chain hashes it: UTC to the microsecond (PostgreSQL's to_char(...US))."""
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def chain_link(previous: str, seq: int, event_id: int, at: datetime, hashed_row: str) -> str:
    text = f"{previous}|{seq}|{event_id}|{at_text(at)}|{hashed_row}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
