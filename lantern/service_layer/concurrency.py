"""Optimistic concurrency (ADR 0005): a save made on a stale copy is refused, never merged."""

from django.core.exceptions import ValidationError
from django.db.models import F, Model
from django.utils import timezone


def stale_message(what: str = "this record") -> str:
    return (f"Someone else saved changes to {what} after you opened it. Your changes have not been saved: "
            "check it as it is now, then make your changes again.")


class ConcurrentEditError(ValidationError):
    """Someone else saved this record after it was opened; the later save is refused (409 in the API,
    an error at the top of the page's form, with what the person typed kept)."""

    def __init__(self, message: str | None = None, *, what: str = "this record"):
        super().__init__(message or stale_message(what))


def bump_version(record: Model, expected_version: int | None, *, what: str = "this record", **changes) -> None:
    """Save ``changes`` to ``record`` and move its version on, only if nobody saved since
    ``expected_version`` (None: no check, for a change that only adds a row beneath the record).
    The record in memory gets the new version; ``updated_at``, where the record has one, is stamped."""
    model = type(record)
    rows = model._default_manager.filter(pk=record.pk)
    if expected_version is not None:
        rows = rows.filter(version=expected_version)
    if any(f.name == "updated_at" for f in model._meta.concrete_fields):
        changes.setdefault("updated_at", timezone.now())
    if not rows.update(version=F("version") + 1, **changes):
        raise ConcurrentEditError(what=what)
    current = expected_version if expected_version is not None else record.version  # type: ignore[attr-defined]
    record.version = current + 1  # type: ignore[attr-defined]
