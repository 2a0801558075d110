"""Writes to children's records: one function per action, each checking access, saving, and
writing its audit row in the same transaction."""

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils import timezone

from lantern.access.policy import child_for, require_permission
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record, field_changes, snapshot
from lantern.audit_log.transactions import atomic
from lantern.people.audit_types import ALLOCATION, PERSON
from lantern.service_layer.concurrency import ConcurrentEditError

from ..models import Allocation, NameKey, Person, PersonDisability
from ..search_keys import keys_for_person
from ..validators import normalise_identifier

PERSON_FIELDS = (
    "first_name", "middle_names", "last_name", "known_as", "date_of_birth", "expected_date_of_birth",
    "date_of_death", "sex", "ethnicity", "first_language", "interpreter_required", "religion",
    "nhs_number", "upn",
)
NAME_FIELDS = ("first_name", "middle_names", "last_name", "known_as")


def _clean_identifiers(data: dict[str, Any]) -> None:
    for name in ("nhs_number", "upn"):
        if data.get(name):
            data[name] = normalise_identifier(data[name])


def refresh_name_keys(person: Person) -> None:
    NameKey.objects.filter(person=person).delete()
    keys = keys_for_person(person.first_name, person.middle_names, person.last_name, person.known_as)
    NameKey.objects.bulk_create(NameKey(person=person, key=key) for key in sorted(keys))


def _set_disabilities(person: Person, codes: Iterable[str]) -> None:
    codes = sorted(set(codes))
    if "NONE" in codes and len(codes) > 1:
        raise ValidationError({"disabilities": "'No disability' cannot be chosen with a disability (census rule 8790)"})
    PersonDisability.objects.filter(person=person).exclude(code__in=codes).delete()
    existing = set(PersonDisability.objects.filter(person=person).values_list("code", flat=True))
    PersonDisability.objects.bulk_create(PersonDisability(person=person, code=c) for c in codes if c not in existing)


def person_build(data: Mapping[str, Any], *, is_child_record: bool) -> Person:
    values = {k: v for k, v in data.items() if k in PERSON_FIELDS}
    _clean_identifiers(values)
    person = Person(is_child_record=is_child_record, **values)
    person.full_clean(exclude=["current_team", "current_worker"])
    return person


@atomic
def child_create(*, actor, data: Mapping[str, Any], disabilities: Iterable[str] = ()) -> Person:
    """Record a new child. The child is allocated to the recorder's team so they can find it again."""
    require_permission(actor, "child.create")
    child = person_build(data, is_child_record=True)
    if actor.team_id:
        child.current_team_id = actor.team_id
    child.save()
    _set_disabilities(child, disabilities)
    refresh_name_keys(child)
    if actor.team_id:
        Allocation.objects.create(child=child, team_id=actor.team_id, start_date=timezone.localdate(),
                                  reason="Recorded the child")
    audit_record(actor=actor, action=Action.CREATE, object_type=PERSON, object_id=child.pk, child_id=child.pk,
                 changes=field_changes(child, PERSON_FIELDS, {}))
    return child


@atomic
def child_update(*, actor, child: Person, expected_version: int, data: Mapping[str, Any],
                 disabilities: Iterable[str] | None = None) -> Person:
    """Change a child's details. Refused if someone else saved since ``expected_version``."""
    child, _ = child_for(actor, child.pk, for_change=True)
    before = snapshot(child, PERSON_FIELDS)
    values = {k: v for k, v in data.items() if k in PERSON_FIELDS}
    _clean_identifiers(values)
    for name, value in values.items():
        setattr(child, name, value)
    child.full_clean(exclude=["current_team", "current_worker"])
    updated = Person.objects.filter(pk=child.pk, version=expected_version).update(
        **values, version=F("version") + 1, updated_at=timezone.now()
    )
    if not updated:
        raise ConcurrentEditError()
    changes = field_changes(child, PERSON_FIELDS, before)
    if disabilities is not None:
        old = sorted(child.disabilities.values_list("code", flat=True))
        _set_disabilities(child, disabilities)
        if old != sorted(set(disabilities)):
            changes["disabilities"] = [old, sorted(set(disabilities))]
    if any(name in changes for name in NAME_FIELDS):
        refresh_name_keys(child)
    if "date_of_birth" in changes:  # a birth recorded starts the deadlines that count from it
        from lantern.obligations.engine import obligations_sync_child

        obligations_sync_child(child.pk)
    child.version = expected_version + 1
    audit_record(actor=actor, action=Action.UPDATE, object_type=PERSON, object_id=child.pk, child_id=child.pk,
                 changes=changes)
    return child


@atomic
def allocation_change(*, actor, child: Person, team, worker=None, start_date: date, reason: str = "") -> Allocation:
    """Allocate a child to a team (and optionally a worker), ending the previous allocation."""
    require_permission(actor, "child.allocate")
    child, _ = child_for(actor, child.pk, for_change=True)
    if worker is not None and worker.team_id != team.pk:
        raise ValidationError({"worker_id": f"{worker} is not a member of {team}"})
    current = child.allocations.filter(end_date__isnull=True).first()
    if current and start_date < current.start_date:
        raise ValidationError({"start_date": "The new allocation cannot start before the current one did"})
    if current:
        current.end_date = start_date
        current.save(update_fields=["end_date"])
    allocation = Allocation.objects.create(child=child, team=team, worker=worker, start_date=start_date, reason=reason)
    Person.objects.filter(pk=child.pk).update(current_team=team, current_worker=worker)
    audit_record(actor=actor, action=Action.CREATE, object_type=ALLOCATION, object_id=allocation.pk,
                 child_id=child.pk, changes={"team": [current.team_id if current else None, team.pk],
                                             "worker": [current.worker_id if current else None,
                                                        worker.pk if worker else None]})
    return allocation
