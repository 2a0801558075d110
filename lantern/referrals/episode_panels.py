"""Sections of the episode page, contributed by each part of the journey (assessments, plans,
visits, closure; child protection later), so the episode page never imports them.

A part registers an EpisodePanel in its AppConfig.ready(); the page shows them in order."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class EpisodePanel:
    key: str
    title: str
    template: str  # rendered with ``panel`` = context(...) plus "child", "episode" and "request"
    context: Callable[..., dict[str, Any]]  # context(request=, child=, episode=, today=) -> dict
    order: int = 100


_PANELS: dict[str, EpisodePanel] = {}


def register_episode_panel(panel: EpisodePanel) -> None:
    if panel.key in _PANELS and _PANELS[panel.key] != panel:
        raise ValueError(f"An episode panel called {panel.key!r} is already registered")
    _PANELS[panel.key] = panel


def episode_panels() -> list[EpisodePanel]:
    return sorted(_PANELS.values(), key=lambda p: (p.order, p.key))
