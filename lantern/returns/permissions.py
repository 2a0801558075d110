"""What each role may do in statutory returns and performance: each part's table, merged here and
then into the one access policy (lantern/access/permissions.py), which refuses anything not listed."""

from importlib import import_module

from .parts import PARTS


def _merged() -> dict[str, frozenset[str]]:
    merged: dict[str, frozenset[str]] = {}
    for part in PARTS:
        for name, roles in import_module(f"lantern.returns.{part}.permissions").PERMISSIONS.items():
            if name in merged:
                raise ValueError(f"Permission {name} is declared twice (again in lantern.returns.{part})")
            merged[name] = frozenset(roles)
    return merged


PERMISSIONS = _merged()
