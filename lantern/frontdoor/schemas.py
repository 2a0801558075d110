"""Shapes of the front door API's requests and replies."""

from datetime import date, datetime

from ninja import Field, Schema

from lantern.api.schema import InputSchema
from lantern.people.schemas import ChildFieldsIn
from lantern.revisions.schemas import RevisionOut


class ContactPersonIn(InputSchema):
    role: str = "child"
    first_name: str
    last_name: str
    date_of_birth: date | None = None
    sex: str = "U"
    address: str = ""
    relationship: str = ""


class PersonOut(Schema):
    """The same fields as ContactPersonIn, but not its input checks: what is stored is shown as it is."""

    id: int
    role: str
    first_name: str
    last_name: str
    date_of_birth: date | None = None
    sex: str
    address: str
    relationship: str
    person_id: int | None = None


class ContactIn(InputSchema):
    source: str
    received_at: datetime | None = None
    referrer_name: str = ""
    referrer_role: str = ""
    referrer_organisation: str = ""
    referrer_phone: str = ""
    concern: str
    child_views: str = ""
    immediate_risk: bool | None = None
    discussed_with_parents: bool | None = None
    not_discussed_reason: str = ""
    not_discussed_detail: str = ""
    people: list[ContactPersonIn]


class PartnerReferralIn(InputSchema):
    referrer_role: str = ""
    referrer_phone: str = ""
    referrer_email: str = ""
    concern: str = ""
    child_views: str = ""
    immediate_risk: bool | None = None
    referrer_level_id: int | None = None
    discussed_with_parents: bool | None = None
    not_discussed_reason: str = ""
    not_discussed_detail: str = ""
    people: list[ContactPersonIn]


class QueueItemOut(Schema):
    id: int
    reference: str
    status: str
    received_at: datetime
    decision_due: date
    due_state: str
    source: str
    restricted: bool = Field(False, description="Matched to a restricted record you may not open: no names or "
                                                "flags are given; open it to see who to ask")
    children: list[str]
    flags: list[str]


class DecisionOut(Schema):
    id: int
    status: str
    outcome: str
    threshold_level: str
    rationale: str
    decided_by_id: int
    decided_at: datetime
    authorised_by_id: int | None
    effective_on: date | None
    rereferral: bool
    contacts_in_year: int
    late_reason: str


class AgencyCheckOut(Schema):
    id: int
    agency: str
    asked_on: date
    response: str


class ContactOut(Schema):
    id: int
    reference: str
    version: int
    status: str
    channel: str
    source: str
    received_at: datetime | None
    decision_due: date | None
    concern: str
    immediate_risk: bool | None
    discussed_with_parents: bool | None
    not_discussed_reason: str
    people: list[PersonOut]
    withheld_children: int = Field(0, description="Children on the contact whose record you cannot open: "
                                                  "left out of people")
    agency_checks: list[AgencyCheckOut]
    decisions: list[DecisionOut]
    screening_notes: str = ""
    earlier_versions: list[RevisionOut] = Field([], description="Earlier screening notes, newest first")


class ThresholdFieldsIn(InputSchema):
    name: str
    order: int
    descriptor: str
    examples: list[str] = []
    allowed_outcomes: list[str]
    is_active: bool = True


class ThresholdIn(ThresholdFieldsIn):
    version: int


class ScreeningNotesIn(InputSchema):
    notes: str
    version: int


class ContactDecisionIn(InputSchema):
    version: int
    outcome: str
    threshold_level_id: int
    rationale: str
    primary_need: str = ""
    nfa_reason: str = ""
    advice_given: str = ""
    early_help_service: str = ""
    transfer_authority: str = ""
    referrer_feedback: str = ""
    late_reason: str = ""


class ContactAuthorisationIn(InputSchema):
    version: int
    action: str  # "authorise" or "return"
    comment: str = ""
    late_reason: str = ""


class ReferralOut(Schema):
    id: int
    reference: str
    status: str
    received_at: datetime | None
    decision_due: date | None
    children: list[str]
    decision: str = ""
    decided_on: date | None = None
    feedback: str = ""


class NotificationsIn(InputSchema):
    rows: list[dict[str, str]]


class RowErrorOut(Schema):
    row: int
    column: str
    message: str


class NotificationsOut(Schema):
    batch_id: int
    received: int
    refused_rows: int
    errors: list[RowErrorOut]


class NotificationOut(Schema):
    id: int
    police_reference: str
    incident_date: date
    received_at: datetime
    police_risk: str
    children_reported: str
    status: str
    risk_level: str
    marac_outcome: str
    contact_id: int | None


class FunnelMonthOut(Schema):
    month: date
    notifications: int
    triaged: int
    assessed: int
    coordinated: int


class ThresholdOut(Schema):
    id: int
    name: str
    order: int
    descriptor: str
    examples: list[str]
    allowed_outcomes: list[str]
    version: int = 0
    earlier_versions: list[RevisionOut] = Field([], description="Earlier words of this level, newest first")


class ContactPersonAddIn(ContactPersonIn):
    version: int = Field(description="The contact's version you read; a stale one is refused with 409")


class ContactPersonMatchIn(InputSchema):
    person_id: int = Field(description="The record to match: a child you may open, or for an adult a relative of "
                                       "a child already matched on the contact")
    version: int


class ContactChildRecordIn(ChildFieldsIn):
    version: int


class ContactFamilyMemberIn(InputSchema):
    child_id: int = Field(description="A child already matched on this contact")
    relationship_type: str
    lives_with_child: bool = False
    has_parental_responsibility: bool = False
    version: int


class AgencyCheckIn(InputSchema):
    agency_id: int | None = None
    agency_name: str = Field("", description="When the agency is not in the list")
    asked_on: date
    response: str


class NotificationDetailOut(NotificationOut):
    received_on: date
    victim_name: str
    perpetrator_name: str
    address: str
    postcode: str
    children_details: str
    children_present: bool | None
    triage_notes: str
    triaged_by_id: int | None
    triaged_at: datetime | None
    marac_referred: bool
    marac_date: date | None
    version: int


class TriageIn(InputSchema):
    version: int
    risk_level: str = Field(description="standard, medium or high (DASH)")
    children_present: bool | None = None
    raise_contact: bool = False
    marac_referred: bool = False
    notes: str = ""


class MaracOutcomeIn(InputSchema):
    version: int
    outcome: str
    marac_date: date | None = None


class FrontDoorSettingsIn(InputSchema):
    authorisation_required_for: list[str] = Field(description="The decisions that wait for a manager")
    version: int


class FrontDoorSettingsOut(Schema):
    authorisation_required_for: list[str]
    version: int
    changed_by_id: int | None
    changed_at: datetime | None
