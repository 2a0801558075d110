"""API shapes for visits (SSD ssd_cin_visits / ssd_cp_visits)."""

from datetime import date

from ninja import Schema

from lantern.api.schema import InputSchema


class VisitIn(InputSchema):
    visit_date: date
    kind: str = "cin"
    child_seen: bool | None = None
    not_seen_reason: str = ""
    seen_alone: bool | None = None
    not_seen_alone_reason: str = ""
    child_words: str = ""
    observations: str = ""
    late_reason: str = ""


class VisitOut(Schema):
    id: int
    child_id: int
    episode_id: int
    kind: str
    visit_date: date
    child_seen: bool
    not_seen_reason: str
    seen_alone: bool | None
    not_seen_alone_reason: str
    bedroom_seen: bool | None
    child_words: str
    observations: str
    late_reason: str
