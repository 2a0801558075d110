"""The online multi-agency referral form: a partner's draft, saved page by page so they can come
back later, then sent. A partner only ever reaches contacts they started themselves."""

from collections.abc import Mapping, Sequence
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from lantern.access.policy import OutOfReach, require_permission
from lantern.accounts.roles import AgencyKind
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.audit_log.transactions import atomic
from lantern.frontdoor.audit_types import CONTACT, REFERRAL_DRAFT
from lantern.referrals.codes import ReferralSource
from lantern.service_layer.concurrency import bump_version

from ..codes import Channel, ContactStatus
from ..models import Contact, ContactPerson
from .checks import contact_problems, people_problems
from .contacts import person_build, receive

# The CIN census referral source for each kind of partner agency.
SOURCE_FOR_AGENCY = {
    AgencyKind.POLICE: ReferralSource.POLICE, AgencyKind.HEALTH: ReferralSource.OTHER_HEALTH,
    AgencyKind.EDUCATION: ReferralSource.SCHOOLS, AgencyKind.HOUSING: ReferralSource.HOUSING,
    AgencyKind.PROBATION: ReferralSource.OTHER_LEGAL, AgencyKind.VOLUNTARY: ReferralSource.OTHER,
    AgencyKind.OTHER: ReferralSource.OTHER,
}
DRAFT_FIELDS = ("referrer_role", "referrer_phone", "referrer_email", "concern", "child_views", "immediate_risk",
                "referrer_level", "discussed_with_parents", "not_discussed_reason", "not_discussed_detail")


def own_referral(actor, pk: int) -> Contact:
    """The partner's own referral, or refused as if it did not exist."""
    require_permission(actor, "frontdoor.refer")
    contact = Contact.objects.filter(pk=pk, submitted_by=actor, channel__in=(Channel.ONLINE_FORM, Channel.API)).first()
    if contact is None:
        raise OutOfReach("You have no referral with that reference")
    return contact


def _draft(actor, contact: Contact) -> Contact:
    contact = own_referral(actor, contact.pk)
    if contact.status != ContactStatus.DRAFT:
        raise ValidationError("This referral has been sent, so it can no longer be changed")
    return contact


def _new(actor, channel: str) -> Contact:
    agency = actor.agency
    return Contact(status=ContactStatus.DRAFT, channel=channel, submitted_by=actor,
                   source=SOURCE_FOR_AGENCY.get(agency.kind if agency else AgencyKind.OTHER, ReferralSource.OTHER),
                   referrer_name=actor.get_full_name() or actor.username, referrer_agency=agency,
                   referrer_email=actor.email)


@atomic
def referral_draft_start(*, actor) -> Contact:
    require_permission(actor, "frontdoor.refer")
    contact = _new(actor, Channel.ONLINE_FORM)
    contact.save()
    audit_record(actor=actor, action=Action.CREATE, object_type=REFERRAL_DRAFT, object_id=contact.pk)
    return contact


@atomic
def referral_draft_save(*, actor, contact: Contact, expected_version: int, data: Mapping[str, Any]) -> Contact:
    """Keep the answers from one question page. Nothing is checked for completeness until it is sent."""
    contact = _draft(actor, contact)
    bump_version(contact, expected_version, what="this contact")
    changed = [k for k in data if k in DRAFT_FIELDS]
    for name in changed:
        setattr(contact, name, data[name])
    contact.save(update_fields=[*changed, "updated_at"])
    audit_record(actor=actor, action=Action.UPDATE, object_type=REFERRAL_DRAFT, object_id=contact.pk,
                 detail=f"answered: {', '.join(changed)}"[:300])
    return contact


@atomic
def referral_person_save(*, actor, contact: Contact, expected_version: int, data: Mapping[str, Any],
                         mention: ContactPerson | None = None) -> ContactPerson:
    """Add a child or adult to the draft, or change one already added."""
    contact = _draft(actor, contact)
    built = person_build(contact, data)
    bump_version(contact, expected_version, what="this contact")
    if mention is not None:
        if mention.contact_id != contact.pk:
            raise PermissionDenied("That person is not on this referral")
        built.pk = mention.pk
    built.save()
    audit_record(actor=actor, action=Action.UPDATE, object_type=REFERRAL_DRAFT, object_id=contact.pk,
                 detail=f"{built.role} {'changed' if mention else 'added'}")
    return built


@atomic
def referral_person_remove(*, actor, contact: Contact, expected_version: int, mention: ContactPerson) -> None:
    contact = _draft(actor, contact)
    if mention.contact_id != contact.pk:
        raise PermissionDenied("That person is not on this referral")
    bump_version(contact, expected_version, what="this contact")
    mention.delete()
    audit_record(actor=actor, action=Action.UPDATE, object_type=REFERRAL_DRAFT, object_id=contact.pk,
                 detail=f"{mention.role} removed")


def _people_data(contact: Contact) -> list[dict]:
    return [{"role": p.role} for p in contact.people.all()]


@atomic
def referral_submit(*, actor, contact: Contact, expected_version: int) -> Contact:
    """Send the referral: it joins the front door queue and the one-working-day clock starts."""
    contact = _draft(actor, contact)
    errors = contact_problems(contact, _people_data(contact), online=True)
    if errors:
        raise ValidationError(errors)
    bump_version(contact, expected_version, what="this contact")
    receive(contact, timezone.now())
    contact.save()
    audit_record(actor=actor, action=Action.CREATE, object_type=CONTACT, object_id=contact.pk,
                 changes={"source": [None, contact.source], "channel": [None, contact.channel]},
                 detail="referral sent by a partner")
    return contact


@atomic
def referral_send(*, actor, data: Mapping[str, Any], people: Sequence[Mapping[str, Any]]) -> Contact:
    """The whole form in one call (the API): checked exactly as the pages check it."""
    require_permission(actor, "frontdoor.refer")
    contact = _new(actor, Channel.API)
    for name in DRAFT_FIELDS:
        if name in data:
            setattr(contact, name, data[name])
    named = [dict(p) for p in people]
    errors = {**contact_problems(contact, named, online=True), **people_problems(named)}
    if errors:
        raise ValidationError(errors)
    receive(contact, timezone.now())
    contact.save()
    for person in people:
        person_build(contact, person).save()
    audit_record(actor=actor, action=Action.CREATE, object_type=CONTACT, object_id=contact.pk,
                 changes={"source": [None, contact.source], "channel": [None, contact.channel]},
                 detail="referral sent by a partner through the API")
    return contact
