"""Panels on a child's summary page, contributed by each part of the journey.

A part registers a panel in its AppConfig.ready(); the summary shows the panels in order, each
only when the reader's sections include the panel's section (partners see fewer)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Panel:
    key: str
    title: str
    template: str  # rendered with ``panel`` = the context below plus "child" and "request"
    context: Callable[..., dict[str, Any]]  # context(request=, child=, today=) -> dict
    section: str  # an access section name (lantern/access/permissions.py ALL_SECTIONS)
    order: int = 100


_PANELS: dict[str, Panel] = {}


def register_panel(panel: Panel) -> None:
    if panel.key in _PANELS and _PANELS[panel.key] != panel:
        raise ValueError(f"A panel called {panel.key!r} is already registered")
    _PANELS[panel.key] = panel


def panels_for(sections: frozenset[str]) -> list[Panel]:
    return sorted((p for p in _PANELS.values() if p.section in sections), key=lambda p: (p.order, p.key))
