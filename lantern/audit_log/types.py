"""The kinds of record the audit trail names, each declared once, with the words the access log
shows for it, by the part that owns it (its ``audit_types.py``):

    CP_PLAN = object_type("cp_plan", "child protection plan")

Code names a kind by its constant, so a misspelt one fails when the module is imported; the
writer refuses a kind nobody declared, so a free string cannot slip in either."""

import re
from importlib import import_module
from pathlib import Path

_DECLARED: dict[str, str] = {}
_KEY = re.compile(r"[a-z][a-z0-9_]*")


def object_type(key: str, label: str) -> str:
    """Declare ``key`` with its ``label``; returns ``key``, to be kept as a constant."""
    if not _KEY.fullmatch(key):
        raise ValueError(f"Audit object type {key!r} must be lower-case words joined by underscores")
    if _DECLARED.get(key, label) != label:
        raise ValueError(f"Audit object type {key!r} is declared twice, with different words")
    _DECLARED[key] = label
    return key


def require_declared(key: str) -> None:
    if key not in _DECLARED:
        raise ValueError(f"Audit object type {key!r} is not declared: add it to the owning part's audit_types.py")


def label_of(key: str) -> str:
    """The access log's words for ``key`` (older rows may name a kind no longer declared)."""
    return _DECLARED.get(key, key.replace("_", " "))


def declare_all() -> None:
    """Import every app's ``audit_types`` module, so every kind is declared before the first write."""
    root = Path(__file__).resolve().parents[1]
    for module in sorted(root.glob("*/audit_types.py")):
        import_module(f"lantern.{module.parent.name}.audit_types")
