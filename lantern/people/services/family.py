"""Writes for the people around a child: family and household members, addresses, and
professionals from other agencies."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError

from lantern.access.policy import child_for
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.audit_log.transactions import atomic
from lantern.people.audit_types import ADDRESS, INVOLVEMENT, RELATIONSHIP

from ..models import Address, Involvement, Person, PersonAddress, Relationship
from ..selectors import relative_for_link
from .children import person_build, refresh_name_keys


@atomic
def family_member_add(*, actor, child: Person, person_data: Mapping[str, Any], relationship_type: str,
                      lives_with_child: bool = False, has_parental_responsibility: bool = False) -> Relationship:
    """Record a new family or household member and how they relate to the child."""
    child, _ = child_for(actor, child.pk, for_change=True)
    relative = person_build(person_data, is_child_record=False)
    relative.save()
    refresh_name_keys(relative)
    return _relate(actor, child, relative, relationship_type, lives_with_child, has_parental_responsibility)


@atomic
def relationship_add(*, actor, child: Person, relative_id: int, relationship_type: str,
                     lives_with_child: bool = False, has_parental_responsibility: bool = False) -> Relationship:
    """Link a person Lantern already knows (a sibling with their own record, say) to the child."""
    child, _ = child_for(actor, child.pk, for_change=True)
    # The relative is reached through the policy too: linking must never reveal a record the
    # actor could not open (pages and API alike call this).
    relative = relative_for_link(actor, relative_id)
    if relative.pk == child.pk:
        raise ValidationError({"relative_id": "A child cannot be related to themselves"})
    if Relationship.objects.filter(child=child, relative=relative, relationship_type=relationship_type).exists():
        raise ValidationError({"relationship_type": "This relationship is already recorded"})
    return _relate(actor, child, relative, relationship_type, lives_with_child, has_parental_responsibility)


def _relate(actor, child, relative, relationship_type, lives_with_child, has_pr) -> Relationship:
    relationship = Relationship(child=child, relative=relative, relationship_type=relationship_type,
                                lives_with_child=lives_with_child, has_parental_responsibility=has_pr)
    relationship.full_clean(validate_constraints=False)
    relationship.save()
    audit_record(actor=actor, action=Action.CREATE, object_type=RELATIONSHIP, object_id=relationship.pk,
                 child_id=child.pk, children=[relative.pk] if relative.is_child_record else [],
                 changes={"relative": [None, relative.pk],
                                             "relationship_type": [None, relationship_type],
                                             "lives_with_child": [None, lives_with_child]})
    return relationship


@atomic
def address_add(*, actor, child: Person, address_data: Mapping[str, Any], moved_in: date) -> PersonAddress:
    """Record the child's new address; the previous one moves into the address history."""
    child, _ = child_for(actor, child.pk, for_change=True)
    current = child.addresses.filter(moved_out__isnull=True).first()
    if current and moved_in < current.moved_in:
        raise ValidationError({"moved_in": "The move date cannot be before the child moved into the current address"})
    address = Address(**{k: (v or "").strip() for k, v in address_data.items()})
    address.postcode = address.postcode.upper()
    address.full_clean()
    address.save()
    if current:
        current.moved_out = moved_in
        current.save(update_fields=["moved_out"])
    residence = PersonAddress.objects.create(person=child, address=address, moved_in=moved_in)
    audit_record(actor=actor, action=Action.CREATE, object_type=ADDRESS, object_id=residence.pk, child_id=child.pk,
                 changes={"address": [str(current.address) if current else None, str(address)],
                          "moved_in": [None, moved_in.isoformat()]})
    return residence


@atomic
def involvement_add(*, actor, child: Person, agency, role: str, start_date: date, practitioner=None,
                    practitioner_name: str = "", contact_details: str = "") -> Involvement:
    """Record a professional from another agency who is involved with the child."""
    child, _ = child_for(actor, child.pk, for_change=True)
    if practitioner is None and not practitioner_name.strip():
        raise ValidationError({"practitioner_name": "Enter the practitioner's name"})
    if practitioner is not None and practitioner.agency_id != agency.pk:
        raise ValidationError({"practitioner_id": f"{practitioner} does not work for {agency}"})
    involvement = Involvement(child=child, agency=agency, practitioner=practitioner,
                              practitioner_name=practitioner_name.strip(), role=role, start_date=start_date,
                              contact_details=contact_details)
    involvement.full_clean()
    involvement.save()
    audit_record(actor=actor, action=Action.CREATE, object_type=INVOLVEMENT, object_id=involvement.pk,
                 child_id=child.pk, changes={"agency": [None, agency.pk], "role": [None, role]})
    return involvement
