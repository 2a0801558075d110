"""API shapes for episodes and transfers (names follow SSD ssd_cin_episodes where it has one)."""

from datetime import date

from ninja import Field, Schema

from lantern.api.schema import InputSchema


class ReferralIn(InputSchema):
    referral_date: date
    referral_source: str = Field(description="CIN census ReferralSource code, e.g. 2A")
    primary_need: str = Field("", description="N0-N9; required unless referral_nfa")
    referral_nfa: bool = False


class EpisodeOut(Schema):
    id: int
    child_id: int
    referral_date: date
    referral_source: str
    primary_need: str
    referral_nfa: bool
    team_id: int | None
    worker_id: int | None
    closure_date: date | None
    closure_reason: str
    stepped_down: bool
    returned_after_step_down_id: int | None
    version: int


class TransferIn(InputSchema):
    to_team_id: int
    to_worker_id: int | None = None
    transfer_date: date
    summary: str
    risk_evaluation: str


class TransferOut(Schema):
    id: int
    episode_id: int
    from_team_id: int | None
    from_worker_id: int | None
    to_team_id: int
    to_worker_id: int | None
    transfer_date: date
    summary: str
    risk_evaluation: str
    status: str
    decided_by_id: int | None
    decided_on: date | None
    decision_rationale: str


class DecisionIn(InputSchema):
    approve: bool
    rationale: str
