"""API shapes for assessments (names follow SSD ssd_cin_assessments where it has one)."""

from datetime import date

from ninja import Field, Schema

from lantern.api.schema import InputSchema
from lantern.revisions.schemas import RevisionOut


class StartIn(InputSchema):
    started_on: date
    kind: str = Field("", description="single (default from 15 April 2013), or initial/core for older referrals")
    reassessment_reason: str = ""


class EngagementIn(InputSchema):
    engaged: bool | None = None
    note: str = Field("", description="How they took part, or why not")


class SectionIn(InputSchema):
    """Send the version you read and the answers of one section; other fields are ignored."""

    version: int
    child_seen_on: date | None = None
    seen_alone: bool | None = None
    not_seen_alone_reason: str = ""
    child_views: str = ""
    identity_needs: str = ""
    parents_note: str = ""
    engagements: dict[int, EngagementIn] = Field({}, description="Each parent or carer's part in the assessment, "
                                                                 "keyed by their person id (the family section)")
    history_considered: str = ""
    risks: str = ""
    protective_factors: str = ""
    analysis: str = ""
    factors: list[str] = []
    outcome: str = ""
    outcome_reasons: str = ""


class VersionIn(InputSchema):
    version: int


class AuthorisationIn(InputSchema):
    version: int
    authorise: bool = Field(description="true to authorise, false to return it to the worker")
    authorised_on: date | None = None
    rationale: str
    late_reason: str = ""


class EngagementOut(Schema):
    person_id: int
    relationship_type: str
    is_male_carer: bool
    engaged: bool
    note: str


class SectionStateOut(Schema):
    key: str
    title: str
    complete: bool


class AssessmentSummaryOut(Schema):
    id: int
    episode_id: int
    child_id: int
    kind: str
    status: str
    started_on: date
    outcome: str
    authorised_on: date | None
    version: int


class AssessmentOut(Schema):
    id: int
    episode_id: int
    child_id: int
    kind: str
    status: str
    started_on: date
    child_seen_on: date | None
    seen_alone: bool | None
    not_seen_alone_reason: str
    child_views: str
    identity_needs: str
    parents_note: str
    history_considered: str
    risks: str
    protective_factors: str
    analysis: str
    outcome: str
    outcome_reasons: str
    factors: list[str]
    engagements: list[EngagementOut]
    sections: list[SectionStateOut]
    authorised_on: date | None
    authorised_by_id: int | None
    authorisation_rationale: str
    late_reason: str
    version: int
    earlier_versions: list[RevisionOut] = Field([], description="Earlier text of any answer, newest first")
