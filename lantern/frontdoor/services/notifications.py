"""Police domestic abuse notifications: received in bulk (a CSV upload or the API) with every row
checked on its own, then triaged one by one. A notification is never deleted: one with no children
in the household is closed as such, so the count of notifications always adds up."""

from collections.abc import Callable, Iterable, Iterator
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F
from django.utils import timezone

from lantern.access.policy import has_permission
from lantern.accounts.roles import AgencyKind
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.audit_log.transactions import atomic
from lantern.frontdoor.audit_types import NOTIFICATION, NOTIFICATION_BATCH
from lantern.referrals.codes import ReferralSource
from lantern.service_layer.concurrency import ConcurrentEditError
from lantern.tasks.registry import register_task
from lantern.tasks.runner import task_start
from lantern.tasks.uploads import discard_upload, keep_upload, open_upload, stream_of

from .. import csv_rows
from ..codes import Channel, MaracOutcome, NotificationStatus, RiskLevel
from ..csv_rows import Checked, check_row
from ..models import Contact, DomesticAbuseNotification, NotificationBatch
from ..permissions import front_door_staff, require_front_door_staff
from .contacts import receive

CHUNK = 500


def may_send_notifications(user) -> bool:
    """The front door, or a police officer's account (the force's system uses one through the API)."""
    if front_door_staff(user):
        return True
    return has_permission(user, "frontdoor.notify") and bool(user.agency_id) and user.agency.kind == AgencyKind.POLICE


def _existing(references: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(references), 900):  # SQLite allows ~1000 parameters in one query
        chunk = [r.upper() for r in references[start:start + 900] if r]
        found.update(DomesticAbuseNotification.objects.filter(police_reference__in=chunk)
                     .values_list("police_reference", flat=True))
    return found


def _row(values: dict, batch: NotificationBatch, now) -> DomesticAbuseNotification:
    return DomesticAbuseNotification(
        police_reference=values["police_reference"], incident_date=values["incident_date"], received_at=now,
        received_on=timezone.localdate(now), victim_name=values["victim_name"],
        perpetrator_name=values["perpetrator_name"], address=values["address"], postcode=values["postcode"],
        children_reported=values["children_in_household"], children_details=values["children_details"],
        police_risk=values["dash_risk"], batch=batch)


def _chunks(numbered: Iterable[tuple[int, dict[str, str]]]) -> Iterator[list[tuple[int, dict[str, str]]]]:
    chunk: list[tuple[int, dict[str, str]]] = []
    for row in numbered:
        chunk.append(row)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _receive(*, actor, numbered: Iterable[tuple[int, dict[str, str]]], filename: str, total: int,
             progress: Callable[[int, int, str], None] | None = None) -> NotificationBatch:
    """Check every row and keep every good one, a chunk at a time: rows are read as they are needed
    and each chunk is committed, so progress is visible and memory stays flat whatever the file."""
    today, now = timezone.localdate(), timezone.now()
    batch = NotificationBatch.objects.create(filename=filename[:200], uploaded_by=actor, errors=[])
    seen: set[str] = set()
    read = accepted = 0
    for chunk in _chunks(numbered):
        seen |= _existing([raw.get("police_reference", "") for _, raw in chunk])
        checked = Checked()
        for n, raw in chunk:
            check_row(n, raw, today, seen, checked)
        with atomic():
            DomesticAbuseNotification.objects.bulk_create([_row(values, batch, now) for _, values in checked.good])
        read, accepted = read + len(chunk), accepted + len(checked.good)
        batch.errors.extend(checked.errors)
        if progress:
            progress(read, max(total, read), f"Read {read:,} of {total:,} rows: {accepted:,} received, "
                                              f"{batch.rows_rejected:,} refused")
    with atomic():
        NotificationBatch.objects.filter(pk=batch.pk).update(rows_total=read, rows_accepted=accepted,
                                                             errors=batch.errors)
        batch.rows_total, batch.rows_accepted = read, accepted
        audit_record(actor=actor, action=Action.CREATE, object_type=NOTIFICATION_BATCH, object_id=batch.pk,
                     detail=f"{accepted} notifications received, {batch.rows_rejected} rows refused")
    return batch


def notifications_receive(*, actor, rows: list[dict[str, str]], filename: str = "", first_row: int = 2,
                          progress: Callable[[int, int, str], None] | None = None) -> NotificationBatch:
    """Rows sent through the API: the same checks as a file, and no more rows than a file may hold."""
    if not may_send_notifications(actor):
        raise PermissionDenied("Your account cannot send police notifications")
    if len(rows) > csv_rows.MAX_ROWS:
        raise ValidationError({"rows": f"Send at most {csv_rows.MAX_ROWS:,} rows in one call; "
                                       f"this call has {len(rows):,}"})
    return _receive(actor=actor, numbered=enumerate(rows, start=first_row), filename=filename, total=len(rows),
                    progress=progress)


@register_task("frontdoor_notifications", permit=require_front_door_staff)
def _receive_upload(actor, inputs: dict, progress) -> dict:
    with open_upload(inputs["upload"]) as stored:
        batch = _receive(actor=actor, numbered=csv_rows.csv_rows(stored), filename=inputs["filename"],
                         total=inputs["rows"], progress=progress)
    discard_upload(inputs["upload"])  # kept until now so that a task that died can be tried again
    return {"Rows in the file": batch.rows_total, "Notifications received": batch.rows_accepted,
            "Rows refused": batch.rows_rejected, "batch": batch.pk}


def notifications_upload_start(*, actor, upload, filename: str):
    """Check the uploaded CSV's shape (header, rows, field sizes) without keeping it in memory, keep
    the file, and receive it in the background. A file that cannot be read is refused at once."""
    require_front_door_staff(actor)
    try:
        rows = csv_rows.check_file(stream_of(upload))
    except csv_rows.FileProblem as problem:
        raise ValidationError({"file": problem.message.split("; ")}) from None
    stored = keep_upload(upload, folder="notifications")
    return task_start(kind="frontdoor_notifications", title=f"Receiving police notifications from {filename}",
                      actor=actor, inputs={"upload": stored, "filename": filename, "rows": rows})


def _bump(notification: DomesticAbuseNotification, expected_version: int) -> None:
    updated = DomesticAbuseNotification.objects.filter(pk=notification.pk, version=expected_version).update(
        version=F("version") + 1)
    if not updated:
        raise ConcurrentEditError(what="this notification")
    notification.version = expected_version + 1


def _contact_from(actor, n: DomesticAbuseNotification) -> Contact:
    concern = (f"Police domestic abuse notification {n.police_reference}: incident on {n.incident_date:%-d %B %Y}. "
               f"Risk (DASH): {n.get_risk_level_display()}. Victim: {n.victim_name}. "
               f"Alleged perpetrator: {n.perpetrator_name or 'not named'}. Address: {n.address} {n.postcode}. "
               f"Children as reported by the police: {n.children_details or 'no details given'}.")
    contact = Contact(channel=Channel.POLICE_NOTIFICATION, source=ReferralSource.POLICE, submitted_by=actor,
                      referrer_organisation="Police", concern=concern, immediate_risk=n.risk_level == RiskLevel.HIGH)
    # The decision clock counts from the day the police told us, not from the day of triage.
    receive(contact, n.received_at)
    contact.save()
    return contact


@atomic
def notification_triage(*, actor, notification: DomesticAbuseNotification, expected_version: int,
                        risk_level: str, children_present: bool | None, raise_contact: bool = False,
                        marac_referred: bool = False, notes: str = "") -> DomesticAbuseNotification:
    require_front_door_staff(actor)
    errors = {}
    if notification.is_triaged:
        raise ValidationError("This notification has already been triaged")
    if risk_level not in RiskLevel.values:
        errors["risk_level"] = "Select the risk level from the DASH checklist"
    if children_present is None:
        errors["children_present"] = "Say whether children live in the household"
    if children_present and risk_level in (RiskLevel.MEDIUM, RiskLevel.HIGH) and not raise_contact:
        errors["raise_contact"] = "At medium or high risk with children in the household, raise a contact"
    if risk_level == RiskLevel.HIGH and not marac_referred:
        errors["marac_referred"] = "A high-risk notification must be referred to MARAC"
    if errors:
        raise ValidationError(errors)
    _bump(notification, expected_version)
    n = notification
    n.risk_level, n.children_present, n.triage_notes = risk_level, children_present, notes.strip()
    n.triaged_by, n.triaged_at, n.marac_referred = actor, timezone.now(), marac_referred
    n.marac_outcome = MaracOutcome.PENDING if marac_referred else ""
    if not children_present:
        n.status = NotificationStatus.CLOSED_NO_CHILDREN
    elif raise_contact:
        n.status, n.contact = NotificationStatus.CONTACT_RAISED, _contact_from(actor, n)
    else:
        n.status = NotificationStatus.INFORMATION_SHARED
    n.save()
    audit_record(actor=actor, action=Action.UPDATE, object_type=NOTIFICATION, object_id=n.pk,
                 changes={"status": [NotificationStatus.NEW, n.status], "risk_level": [None, risk_level]})
    return n


@atomic
def marac_record(*, actor, notification: DomesticAbuseNotification, expected_version: int, marac_date: date | None,
                 outcome: str) -> DomesticAbuseNotification:
    require_front_door_staff(actor)
    errors = {}
    if not notification.marac_referred:
        raise ValidationError("This notification was not referred to MARAC")
    if outcome not in MaracOutcome.values:
        errors["outcome"] = "Select the MARAC outcome"
    elif outcome in (MaracOutcome.ACTION_PLAN, MaracOutcome.NO_ACTION) and marac_date is None:
        errors["marac_date"] = "Enter the date of the conference"
    if marac_date and marac_date > timezone.localdate():
        errors["marac_date"] = "The conference date cannot be in the future"
    if errors:
        raise ValidationError(errors)
    _bump(notification, expected_version)
    before = notification.marac_outcome
    notification.marac_date, notification.marac_outcome = marac_date, outcome
    notification.save(update_fields=["marac_date", "marac_outcome"])
    audit_record(actor=actor, action=Action.UPDATE, object_type=NOTIFICATION, object_id=notification.pk,
                 changes={"marac_outcome": [before, outcome]})
    return notification
