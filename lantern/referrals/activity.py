"""The dated activity inside an episode, gathered from every part of the journey, so closure can
check census rule 8565 (closure on or after every activity) and rule 2990 (RC8/RC9 only after an
assessment, with no plan).

Each part registers a function in its AppConfig.ready(); child protection adds its enquiries,
conferences and plans the same way, without the closure code changing."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

ASSESSMENT_COMPLETED = "assessment_completed"
PLAN = "plan"  # a child in need or child protection plan, an enquiry or a conference (rule 2990)
OTHER = "other"


@dataclass(frozen=True)
class Activity:
    label: str  # "Child and family assessment authorised"
    on: date
    kind: str = OTHER


_SOURCES: dict[str, Callable[[object], Iterable[Activity]]] = {}


def register_activity(name: str, activities: Callable[[object], Iterable[Activity]]) -> None:
    if name in _SOURCES and _SOURCES[name] is not activities:
        raise ValueError(f"Episode activity {name!r} is already registered")
    _SOURCES[name] = activities


def episode_activities(episode) -> list[Activity]:
    return sorted((a for source in _SOURCES.values() for a in source(episode)), key=lambda a: a.on)
