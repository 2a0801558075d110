"""API shapes for what is recorded under an enquiry or a plan, read back as recorded: visits, written
agreements, core group members and meetings, and members' updates."""

from datetime import date, datetime

from ninja import Field, Schema

from lantern.api.schema import InputSchema, LocalTime
from lantern.cin.schemas import ActionIn


class LeadIn(InputSchema):
    lead_worker_id: int = Field(description="A registered social worker")
    version: int


class EnquiryVisitOut(Schema):
    id: int
    enquiry_id: int
    child_id: int
    visit_date: date
    visit_time: LocalTime
    out_of_hours: bool
    visited_by_id: int
    child_seen: bool
    not_seen_reason: str
    seen_alone: bool | None
    not_seen_alone_reason: str
    notes: str
    recorded_by_id: int
    created_at: datetime


class AgreementIn(InputSchema):
    terms: str = Field(description="What the family agrees to, in words they understand")
    monitored_by: str = Field(description="The professional or agency who checks it is kept: never the family")
    monitoring: str = Field(description="How they will check")
    review_on: date


class AgreementDecisionIn(InputSchema):
    approve: bool
    rationale: str


class WrittenAgreementOut(Schema):
    id: int
    enquiry_id: int
    child_id: int
    terms: str
    monitored_by: str
    monitoring: str
    review_on: date
    status: str = Field(description="proposed, agreed or declined")
    proposed_by_id: int
    proposed_at: datetime
    decided_by_id: int | None
    decided_on: date | None
    rationale: str


class InviteIn(InputSchema):
    agency_kind: str = Field(description="csc, police, health, education, housing, probation, voluntary, other")
    agency_id: int | None = None
    invitee_id: int | None = Field(None, description="When the person invited uses Lantern")
    invitee_name: str


class MemberIn(InputSchema):
    agency_kind: str
    agency_id: int | None = None
    name: str
    role: str = ""
    user_id: int | None = Field(None, description="When the member uses Lantern")


class CoreGroupMemberOut(Schema):
    id: int
    plan_id: int
    agency_kind: str
    agency_id: int | None
    name: str
    role: str
    user_id: int | None
    joined_on: date
    left_on: date | None


class CpProgressOut(Schema):
    action_id: int
    status: str
    note: str


class CoreGroupOut(Schema):
    id: int
    plan_id: int
    child_id: int
    held_on: date
    summary: str
    attendee_ids: list[int]
    progress: list[CpProgressOut]
    late_reason: str
    recorded_by_id: int
    created_at: datetime


class CpVisitOut(Schema):
    id: int
    plan_id: int
    child_id: int
    visit_date: date
    visited_by_id: int
    child_seen: bool
    not_seen_reason: str
    seen_alone: bool | None
    not_seen_alone_reason: str
    bedroom_seen: bool | None
    child_words: str
    observations: str
    late_reason: str
    recorded_by_id: int
    created_at: datetime


class PlanUpdateOut(Schema):
    id: int
    plan_id: int
    action_id: int | None
    author_id: int
    agency_label: str
    written_on: date
    text: str


class StepDownPlanIn(InputSchema):
    outcomes: str = Field(description="What must change for the child")
    actions: list[ActionIn] = Field(description="The plan's first actions: more can be added to the plan later")


class ConferenceListItemOut(Schema):
    id: int
    kind: str
    child_id: int
    conference_date: date
    chair_id: int
    decision: str
    minutes_circulated_on: date | None
    warnings: list[str] = Field(description="What is missing or late for this conference")
