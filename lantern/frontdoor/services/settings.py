"""The authority's own front door configuration: its threshold levels (with their descriptors,
examples and the decisions each allows) and which decisions need a manager's authorisation."""

from collections.abc import Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import F

from lantern.access.policy import require_permission
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record, field_changes, snapshot
from lantern.audit_log.transactions import atomic
from lantern.frontdoor.audit_types import FRONTDOOR_SETTINGS, THRESHOLD_LEVEL
from lantern.revisions.services import keep_replaced, text_at_version
from lantern.service_layer.concurrency import ConcurrentEditError

from ..codes import Outcome
from ..models import FrontDoorSettings, ThresholdLevel

LEVEL_FIELDS = ("name", "order", "descriptor", "examples", "allowed_outcomes", "is_active")
LEVEL_TEXT = ("descriptor", "examples")
LEVEL_TEXT_LABELS = {"descriptor": "What this level means", "examples": "Examples"}


def _level_problems(values: Mapping[str, Any], pk: int) -> dict[str, str]:
    errors = {}
    name = (values.get("name") or "").strip()
    if not name:
        errors["name"] = "Enter the name of the level"
    elif ThresholdLevel.objects.filter(name__iexact=name).exclude(pk=pk).exists():
        errors["name"] = "Another level already has this name"
    if not (values.get("descriptor") or "").strip():
        errors["descriptor"] = "Describe what this level means"
    outcomes = values.get("allowed_outcomes") or []
    if not outcomes:
        errors["allowed_outcomes"] = "Select at least one decision that fits this level"
    elif set(outcomes) - set(Outcome.values):
        errors["allowed_outcomes"] = "Select decisions from the list"
    return errors


@atomic
def threshold_level_save(*, actor, data: Mapping[str, Any], level: ThresholdLevel | None = None,
                         expected_version: int | None = None) -> ThresholdLevel:
    require_permission(actor, "frontdoor.configure")
    values = {k: (v.strip() if isinstance(v, str) else v) for k, v in data.items() if k in LEVEL_FIELDS}
    errors = _level_problems(values, level.pk if level else 0)
    if errors:
        raise ValidationError(errors)
    if level is None:
        level = ThresholdLevel.objects.create(**values)
        changes = {k: [None, str(v)] for k, v in values.items()}
    else:
        kept = text_at_version(ThresholdLevel, level.pk, expected_version or 0, LEVEL_TEXT,
                               what="this threshold level")
        before = snapshot(level, LEVEL_FIELDS)
        updated = ThresholdLevel.objects.filter(pk=level.pk, version=expected_version or 0).update(
            **values, version=F("version") + 1)
        if not updated:
            raise ConcurrentEditError(what="this threshold level")
        # Screeners decided against the earlier words: keep them with who replaced them.
        keep_replaced(actor=actor, record_type="threshold_level", record_id=level.pk, child_id=None,
                      version=expected_version or 0, before=kept, labels=LEVEL_TEXT_LABELS,
                      after={name: values[name] for name in LEVEL_TEXT if name in values})
        for name, value in values.items():
            setattr(level, name, value)
        level.version = (expected_version or 0) + 1
        changes = field_changes(level, LEVEL_FIELDS, before)
    audit_record(actor=actor, action=Action.UPDATE, object_type=THRESHOLD_LEVEL, object_id=level.pk,
                 changes={k: [str(a), str(b)] for k, (a, b) in changes.items()})
    return level


@atomic
def authorisation_settings_save(*, actor, expected_version: int, outcomes: Sequence[str]) -> FrontDoorSettings:
    require_permission(actor, "frontdoor.configure")
    if set(outcomes) - set(Outcome.values):
        raise ValidationError({"authorisation_required_for": "Select decisions from the list"})
    current = FrontDoorSettings.current()
    if current.version != expected_version:
        raise ConcurrentEditError(what="this threshold level")
    before = list(current.authorisation_required_for)
    current.authorisation_required_for = sorted(set(outcomes))
    current.version, current.changed_by = expected_version + 1, actor
    if current._state.adding:
        current.save()
    elif not FrontDoorSettings.objects.filter(pk=1, version=expected_version).update(
            authorisation_required_for=current.authorisation_required_for, version=current.version,
            changed_by=actor):
        raise ConcurrentEditError(what="this threshold level")
    audit_record(actor=actor, action=Action.UPDATE, object_type=FRONTDOOR_SETTINGS, object_id=1,
                 changes={"authorisation_required_for": [before, current.authorisation_required_for]})
    return current
