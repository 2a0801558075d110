"""API shapes for strategy discussions and enquiries (names follow the SSD where it has one)."""

from datetime import date

from ninja import Field, Schema

from lantern.api.schema import InputSchema, LocalTime
from lantern.revisions.schemas import RevisionOut


class ParticipantIn(InputSchema):
    agency_kind: str = Field(description="csc, police, health, education, housing, probation, voluntary, other")
    agency_id: int | None = None
    name: str = ""
    role: str = ""
    information_shared: str = ""


class CpActionIn(InputSchema):
    what: str = ""
    owner: str = ""
    due_date: date | None = None
    success_measure: str = ""


class StrategyIn(InputSchema):
    held_on: date
    held_at: LocalTime
    kind: str = Field(description="meeting or call")
    concerns: str
    participants: list[ParticipantIn]
    referrer_agency: str = ""
    police_absent_reason: str = ""
    health_absent_reason: str = ""
    referrer_absent_reason: str = ""
    decision: str = Field(description="s47_single, s47_joint, no_enquiry or other")
    decision_rationale: str
    actions: list[CpActionIn] = []
    lead_worker_id: int | None = None
    police_contact: str = ""
    late_reason: str = ""


class ParticipantOut(Schema):
    agency_kind: str
    agency_id: int | None
    name: str
    role: str
    information_shared: str


class StrategyOut(Schema):
    id: int
    episode_id: int
    child_id: int
    held_on: date
    held_at: LocalTime
    kind: str
    decision: str
    decision_rationale: str
    police_absent_reason: str
    health_absent_reason: str
    referrer_absent_reason: str
    completed_on: date
    late_reason: str
    participants: list[ParticipantOut]
    enquiry_id: int | None


class EnquiryVisitIn(InputSchema):
    visit_date: date
    visit_time: LocalTime
    visited_by_id: int
    child_seen: bool | None = None
    seen_alone: bool | None = None
    not_seen_reason: str = ""
    not_seen_alone_reason: str = ""
    notes: str = ""


class EnquiryOut(Schema):
    id: int
    episode_id: int
    child_id: int
    strategy_discussion_id: int
    start_date: date
    joint_with_police: bool
    lead_worker_id: int
    child_seen_on: date | None
    seen_alone: bool | None
    risk_assessed_on: date | None
    outcome: str
    outcome_rationale: str
    completed_on: date | None
    icpc_target: date | None = Field(None, description="InitialCPCtarget, from the statutory clock")
    version: int
    earlier_versions: list[RevisionOut] = Field([], description="Earlier text of the assessment of risk, newest "
                                                                "first")


class RiskIn(InputSchema):
    risk_assessment: str
    version: int


class OutcomeIn(InputSchema):
    outcome: str = Field(description="nfa, cin_plan, conference or legal")
    outcome_rationale: str
    completed_on: date
    version: int
