"""API shapes for children's records (field names follow the Standard Safeguarding Dataset where
it has one)."""

from datetime import date

from ninja import Field, Schema

from lantern.api.schema import InputSchema, not_null_columns

from .models import Person


class PersonIn(InputSchema):
    first_name: str = Field(min_length=1, max_length=80)
    middle_names: str = ""
    last_name: str = Field(min_length=1, max_length=80)
    known_as: str = ""
    date_of_birth: date | None = None
    sex: str = "U"


class ChildFieldsIn(PersonIn):
    """A child's details, as recorded on a new child record."""

    expected_date_of_birth: date | None = None
    ethnicity: str = "NOBT"
    first_language: str = ""
    interpreter_required: bool = False
    religion: str = "not_stated"
    nhs_number: str = ""
    upn: str = ""
    disabilities: list[str] = []


class ChildIn(ChildFieldsIn):
    confirm_not_duplicate: bool = Field(False, description="Create even though likely duplicates exist")


class ChildPatch(InputSchema):
    """Fields left out keep their value; null empties only the fields whose column allows it."""

    not_null = not_null_columns(Person, "disabilities")

    version: int = Field(description="The version you read; a stale version is refused with 409")
    first_name: str | None = None
    middle_names: str | None = None
    last_name: str | None = None
    known_as: str | None = None
    date_of_birth: date | None = None
    expected_date_of_birth: date | None = None
    sex: str | None = None
    ethnicity: str | None = None
    first_language: str | None = None
    interpreter_required: bool | None = None
    religion: str | None = None
    nhs_number: str | None = None
    upn: str | None = None
    disabilities: list[str] | None = None


class ChildListOut(Schema):
    id: int
    lantern_id: str
    first_name: str
    last_name: str
    date_of_birth: date | None
    expected_date_of_birth: date | None
    current_team_id: int | None
    current_worker_id: int | None


class ChildOut(ChildListOut):
    """Sections a reader may not see (a partner practitioner, say) come back as null."""

    middle_names: str
    known_as: str
    sex: str
    is_restricted: bool
    version: int
    ethnicity: str | None = None
    first_language: str | None = None
    interpreter_required: bool | None = None
    religion: str | None = None
    disabilities: list[str] | None = None
    nhs_number: str | None = None
    upn: str | None = None


class DuplicateOut(Schema):
    detail: str
    duplicates: list[ChildListOut] = Field(description="Likely matches you may open")
    other_records_may_match: bool = Field(False, description="A record you cannot open may match too")


class RelationshipIn(InputSchema):
    relationship_type: str
    lives_with_child: bool = False
    has_parental_responsibility: bool = False


class FamilyMemberIn(PersonIn, RelationshipIn):
    """The person's details and their relationship to the child, side by side (a service's refusal of
    either names the field as sent)."""


class LinkRelativeIn(RelationshipIn):
    relative_id: int


class RelationshipOut(Schema):
    id: int
    relative_id: int | None = Field(description="Null when the relative's own record is one you cannot open")
    relative_name: str
    relative_date_of_birth: date | None
    relationship_type: str
    lives_with_child: bool
    has_parental_responsibility: bool


class AddressIn(InputSchema):
    line_1: str = Field(min_length=1)
    line_2: str = ""
    town: str = Field(min_length=1)
    postcode: str = Field(min_length=5, max_length=10)
    moved_in: date


class AddressOut(Schema):
    id: int
    line_1: str
    line_2: str
    town: str
    postcode: str
    moved_in: date
    moved_out: date | None


class AllocationIn(InputSchema):
    team_id: int
    worker_id: int | None = None
    start_date: date
    reason: str = ""


class AllocationOut(Schema):
    id: int
    team_id: int
    worker_id: int | None
    start_date: date
    end_date: date | None
    reason: str


class InvolvementIn(InputSchema):
    agency_id: int
    role: str = Field(min_length=1)
    start_date: date
    practitioner_id: int | None = None
    practitioner_name: str = ""
    contact_details: str = ""


class InvolvementOut(Schema):
    id: int
    agency_id: int
    practitioner_id: int | None
    practitioner_name: str
    role: str
    start_date: date
    end_date: date | None
