"""The base of every API request shape, and the checked types for query and path parameters.

Whatever an integration sends is checked here before a view runs, so a service never meets input
that Python, the working-day calendar or the database would fail on (a 500), only input it can
refuse by field (a 422):

* unknown fields are refused, so a misspelt or out-of-place field (``person_id`` inside a contact's
  person) is reported instead of silently dropped;
* no text may hold the NUL character, which PostgreSQL cannot store;
* dates, and the days of date-times, fall between ``FIRST_ENTERED_DAY`` and ``LAST_ENTERED_DAY``;
* date-times carry a time-zone offset (a naive one is ambiguous twice a year and cannot be stored
  with ``USE_TZ``); times of day carry none (they are the authority's local time);
* whole numbers fit in 64 bits, the most any column holds;
* a field listed in ``not_null`` may be left out but not sent as null (a PATCH-style shape where
  "left out" means "unchanged" but the column itself has no null).
"""

from collections.abc import Iterator
from datetime import date, datetime, time
from typing import Annotated, Any, ClassVar

from ninja import Schema
from pydantic import AfterValidator, ConfigDict, ValidationInfo, WithJsonSchema, field_validator
from pydantic_core import InitErrorDetails, PydanticCustomError, ValidationError

from lantern.timescales.dates import FIRST_ENTERED_DAY, LAST_ENTERED_DAY, within_entered_range

LARGEST_NUMBER = 2**63 - 1
_RANGE = f"between {FIRST_ENTERED_DAY.isoformat()} and {LAST_ENTERED_DAY.isoformat()}"

Loc = tuple[int | str, ...]


def problem_with(value: Any) -> PydanticCustomError | None:
    """What is wrong with one scalar value, or None."""
    if isinstance(value, str):
        if "\x00" in value:
            return PydanticCustomError("nul_character", "Must not contain the NUL character (\\u0000)")
    elif isinstance(value, datetime):  # before date: a datetime is a date
        if value.utcoffset() is None:
            return PydanticCustomError(
                "naive_datetime", "Must include a time-zone offset, for example 2025-03-27T09:30:00+00:00")
        if not within_entered_range(value.date()):
            return PydanticCustomError("date_out_of_range", f"Must be a date and time {_RANGE}")
    elif isinstance(value, date):
        if not within_entered_range(value):
            return PydanticCustomError("date_out_of_range", f"Must be a date {_RANGE}")
    elif isinstance(value, time):
        if value.tzinfo is not None:
            return PydanticCustomError(
                "aware_time", "Must be a local time of day without a time-zone offset, for example 14:30")
    elif isinstance(value, int) and not isinstance(value, bool) and abs(value) > LARGEST_NUMBER:
        return PydanticCustomError("number_too_large", "Must be a smaller number")
    return None


def problems_in(value: Any, loc: Loc = ()) -> Iterator[tuple[Loc, Any, PydanticCustomError]]:
    """Every problem in a value and the lists and mappings inside it, with where it is. Nested
    shapes are skipped: they are checked by their own validators, with their own locations."""
    found = problem_with(value)
    if found is not None:
        yield loc, value, found
    elif isinstance(value, (list, tuple, set, frozenset)):
        for index, item in enumerate(value):
            yield from problems_in(item, (*loc, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from problems_in(key, (*loc, key))
            yield from problems_in(item, (*loc, key))


def _refuse(title: str, value: Any) -> Any:
    problems = list(problems_in(value))
    if problems:
        # Raised from a validator, these keep their inner locations below the field's own
        # (``disabilities.1``, ``rows.0.incident_date``), so the reply names the exact place.
        raise ValidationError.from_exception_data(
            title, [InitErrorDetails(type=error, loc=loc, input=bad) for loc, bad, error in problems])
    return value


def _document_not_null(schema: dict[str, Any], model: type) -> None:
    """The OpenAPI document shows a not-null field as its plain type, as the validator enforces."""
    properties = schema.get("properties", {})
    for name in getattr(model, "not_null", ()):
        choices = properties.get(name, {}).get("anyOf")
        if choices:
            kept = [choice for choice in choices if choice.get("type") != "null"]
            properties[name].pop("anyOf")
            properties[name].update(kept[0] if len(kept) == 1 else {"anyOf": kept})


class InputSchema(Schema):
    """Inherit from this for every shape the API reads (bodies and nested parts)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_document_not_null)

    not_null: ClassVar[frozenset[str]] = frozenset()

    @field_validator("*", mode="before")
    @classmethod
    def _refuse_null(cls, value: Any, info: ValidationInfo) -> Any:
        if value is None and info.field_name in cls.not_null:
            raise PydanticCustomError("not_null", "Must not be null: leave the field out to keep its current value")
        return value

    @field_validator("*", mode="after")
    @classmethod
    def _refuse_unsafe(cls, value: Any) -> Any:
        return _refuse(cls.__name__, value)


def _checked(value: Any) -> Any:
    return _refuse("parameter", value)


# JSON Schema's "time" format is RFC 3339's, which requires an offset; ours are local times of day.
LocalTime = Annotated[time, WithJsonSchema({"type": "string", "example": "14:30",
                                            "pattern": r"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?$"})]

# For query and path parameters, which ninja validates outside any InputSchema.
Text = Annotated[str, AfterValidator(_checked)]
Day = Annotated[date, AfterValidator(_checked)]
Number = Annotated[int, AfterValidator(_checked)]


def not_null_columns(model: type, *extra: str) -> frozenset[str]:
    """The names of a Django model's columns that have no null, for a PATCH shape's ``not_null``."""
    return frozenset(f.name for f in model._meta.concrete_fields if not f.null) | frozenset(extra)  # type: ignore[attr-defined]
