"""API shapes for child in need plans, reviews and closures (SSD ssd_cin_plans where it has names)."""

from datetime import date

from ninja import Field, Schema

from lantern.api.schema import InputSchema


class ActionIn(InputSchema):
    what: str = ""
    owner: str = ""
    due_date: date | None = None
    success_measure: str = ""


class PlanIn(InputSchema):
    start_date: date
    outcomes: str
    actions: list[ActionIn]
    late_reason: str = ""


class ActionOut(Schema):
    id: int
    what: str
    owner: str
    due_date: date
    success_measure: str


class CinPlanOut(Schema):
    id: int
    episode_id: int
    child_id: int
    assessment_id: int | None
    start_date: date
    end_date: date | None
    end_reason: str
    outcomes: str
    late_reason: str
    actions: list[ActionOut]
    version: int


class PlanEndIn(InputSchema):
    end_date: date
    reason: str


class ProgressIn(InputSchema):
    status: str = Field(description="not_started, on_track, off_track, achieved or not_achieved")
    note: str = ""


class ReviewIn(InputSchema):
    review_date: date
    child_views: str
    progress_summary: str
    progress: dict[int, ProgressIn] = Field(description="Progress on each of the plan's actions, keyed by the "
                                                        "action's id")
    late_reason: str = ""


class CinProgressOut(Schema):
    action_id: int
    status: str
    note: str


class ReviewOut(Schema):
    id: int
    plan_id: int
    review_date: date
    child_views: str
    progress_summary: str
    late_reason: str
    progress: list[CinProgressOut] = []


class ClosureIn(InputSchema):
    kind: str
    closure_date: date
    reason: str
    risk_evaluation: str
    family_told_on: date | None = None
    early_help_team_id: int | None = None


class StepDownAnswerIn(InputSchema):
    accepted: bool
    note: str = ""


class ClosureOut(Schema):
    id: int
    episode_id: int
    child_id: int
    kind: str
    status: str
    closure_date: date
    reason: str
    risk_evaluation: str
    family_told_on: date | None
    early_help_team_id: int | None
    early_help_accepted: bool | None
    decided_by_id: int | None
    decided_on: date | None
    rationale: str
