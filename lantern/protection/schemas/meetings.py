"""API shapes for conferences and plans (names follow the SSD and the CIN census where they have one)."""

from datetime import date

from ninja import Field, Schema

from lantern.api.schema import InputSchema, LocalTime
from lantern.revisions.schemas import RevisionOut

from .casework import CpActionIn

__all__ = ["CpActionIn"]


class ArrangeIn(InputSchema):
    conference_date: date
    chair_id: int
    starts_at: LocalTime | None = None
    late_reason: str = ""


class InvitationOut(Schema):
    id: int
    agency_kind: str
    agency_id: int | None
    invitee_name: str
    report_submitted_on: date | None
    attended: bool | None
    version: int
    earlier_versions: list[RevisionOut] = Field([], description="Earlier text of the report, newest first")


class ConferenceOut(Schema):
    id: int
    kind: str
    child_id: int
    episode_id: int
    enquiry_id: int | None
    plan_id: int | None
    conference_date: date
    chair_id: int
    report_shared_on: date | None
    decision: str
    category: str
    decision_recorded_on: date | None
    minutes_circulated_on: date | None
    invitations: list[InvitationOut]
    warnings: list[str]
    version: int
    earlier_versions: list[RevisionOut] = Field([], description="Earlier text of the social work report, newest "
                                                                "first")


class AgencyReportIn(InputSchema):
    report: str
    version: int


class SocialWorkReportIn(InputSchema):
    social_work_report: str
    report_shared_on: date | None = Field(None, description="The day it was shared with the parents")
    report_late_reason: str = Field("", description="Why it was shared late, when it was")
    version: int


class CpProgressIn(InputSchema):
    status: str = Field(description="not_started, on_track, off_track, achieved or not_achieved")
    note: str = ""


PROGRESS = "Progress on each of the plan's actions, keyed by the action's id"


class ConferenceDecisionIn(InputSchema):
    version: int
    attendance: dict[int, bool]
    parents_participation: str
    child_participation: str
    advocacy_offered: bool | None = None
    decision: str = Field(description="plan or no_plan (initial); continue or end (review)")
    decision_rationale: str
    category: str = ""
    outline_plan: str = ""
    after_plan: str = ""
    first_action: CpActionIn | None = None
    progress: dict[int, CpProgressIn] = Field({}, description=PROGRESS + " (review conferences)")
    late_reason: str = ""


class MinutesIn(InputSchema):
    circulated_on: date
    late_reason: str = ""
    version: int


class CpActionOut(Schema):
    id: int
    what: str
    owner: str
    due_date: date
    success_measure: str


class CpPlanOut(Schema):
    id: int
    episode_id: int
    child_id: int
    conference_id: int
    start_date: date
    end_date: date | None
    initial_category: str
    latest_category: str
    previous_plans: int = Field(description="NumberOfPreviousCPP")
    pending_end_id: int | None
    actions: list[CpActionOut]
    version: int
    earlier_versions: list[RevisionOut] = Field([], description="Earlier reasons given on ending the plan early")


class CoreGroupIn(InputSchema):
    held_on: date
    summary: str
    attendee_ids: list[int]
    progress: dict[int, CpProgressIn] = Field(description=PROGRESS)
    late_reason: str = ""


class CpVisitIn(InputSchema):
    visit_date: date
    child_seen: bool | None = None
    seen_alone: bool | None = None
    not_seen_reason: str = ""
    not_seen_alone_reason: str = ""
    bedroom_seen: bool | None = None
    child_words: str = ""
    observations: str = ""
    late_reason: str = ""


class UpdateIn(InputSchema):
    text: str
    action_id: int | None = None


class EarlyEndIn(InputSchema):
    approve: bool
    rationale: str
    version: int


class ChildProtectionOut(Schema):
    strategy_discussions: list[int]
    enquiries: list[int]
    conferences: list[int]
    plans: list[int]
