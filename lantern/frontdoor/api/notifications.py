"""Police domestic abuse notifications: sending them, the list, triage and the MARAC outcome."""

from django.http import Http404
from django.utils import timezone
from ninja import Query

from lantern.access.policy import require_permission
from lantern.api.paging import DateRange, PageQuery, choice, page_of, paged_list, paged_query
from lantern.api.schema import Number, Text
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.frontdoor.audit_types import NOTIFICATION

from .. import schemas as s
from ..codes import NotificationStatus
from ..models import DomesticAbuseNotification
from ..permissions import require_front_door_staff
from ..selectors.funnel import notification_funnel
from ..services import marac_record, notification_triage, notifications_receive
from .router import router
from .shapes import screened

ONE_NOTIFICATION = "/frontdoor/notifications/{notification_id}"


def _notification(request, notification_id: int) -> DomesticAbuseNotification:
    """As its page fetches it: for the front door; once its contact is matched to a restricted record,
    the notification is that child's story too, refused as the contact is."""
    require_permission(request.auth, "frontdoor.screen")
    require_front_door_staff(request.auth)
    notification = DomesticAbuseNotification.objects.filter(pk=notification_id).first()
    if notification is None:
        raise Http404("No such notification")
    if notification.contact_id:
        screened(request, notification.contact_id)
    return notification


@router.post("/frontdoor/notifications", response={200: s.NotificationsOut},
             summary="Send police domestic abuse notifications",
             description="Each row is checked on its own (same columns as the CSV upload); good rows are kept, "
                         "bad rows come back with their row number (from 1), column and what is wrong.")
def notifications_send(request, payload: s.NotificationsIn):
    batch = notifications_receive(actor=request.auth, rows=payload.rows, first_row=1)
    return s.NotificationsOut(batch_id=batch.pk, received=batch.rows_accepted, refused_rows=batch.rows_rejected,
                              errors=batch.errors)


@router.get("/frontdoor/notifications", response=page_of(s.NotificationOut), summary="Police notifications",
            description="Latest received first; status=new for those waiting for triage, oldest first as a queue. "
                        f"status= one of {', '.join(NotificationStatus.values)}; from= and to= on the day received.")
def notifications_list(request, paging: Query[PageQuery], dates: Query[DateRange], status: Text | None = None):
    require_front_door_staff(request.auth)
    rows = dates.apply(DomesticAbuseNotification.objects.all(), "received_on")
    if choice("status", status, NotificationStatus.values):
        rows = rows.filter(status=status)
    order = ("received_at", "pk") if status == NotificationStatus.NEW else ("-received_at", "-pk")
    page = paged_query(rows, paging, order=order)
    audit_record(actor=request.auth, action=Action.LIST, object_type=NOTIFICATION,
                 detail=f"api; {status or 'all'}; {len(page.items)} shown")
    return page.out()


@router.get("/frontdoor/notifications/funnel", response=page_of(s.FunnelMonthOut),
            summary="Notifications → triaged → assessed → coordinated help, by month",
            description="One item a month, in the order of the months, for the last `months` (1 to 60, default 12).")
def notifications_funnel(request, paging: Query[PageQuery], months: Number = 12):
    require_permission(request.auth, "frontdoor.report")
    series = notification_funnel(today=timezone.localdate(), months=max(1, min(months, 60)))
    return paged_list(series, paging, name=f"funnel-{len(series)}").out()


@router.get(ONE_NOTIFICATION, response=s.NotificationDetailOut, summary="A police notification",
            description="Everything the police sent and what triage decided. For the front door.")
def notification_detail(request, notification_id: int):
    notification = _notification(request, notification_id)
    audit_record(actor=request.auth, action=Action.VIEW, object_type=NOTIFICATION, object_id=notification.pk,
                 detail="api")
    return notification


@router.post(f"{ONE_NOTIFICATION}/triage", response=s.NotificationDetailOut, summary="Triage a police notification",
             description="Confirm the risk level and whether children live in the household. At medium or high "
                         "risk with children, raise a contact; a high-risk notification must be referred to MARAC. "
                         "Send the version you read (409 if stale).")
def notification_triage_create(request, notification_id: int, payload: s.TriageIn):
    notification = _notification(request, notification_id)
    return notification_triage(actor=request.auth, notification=notification, expected_version=payload.version,
                               risk_level=payload.risk_level, children_present=payload.children_present,
                               raise_contact=payload.raise_contact, marac_referred=payload.marac_referred,
                               notes=payload.notes)


@router.post(f"{ONE_NOTIFICATION}/marac-outcome", response=s.NotificationDetailOut,
             summary="Record the MARAC outcome of a notification referred to MARAC",
             description="Heard (action plan or no action, with the conference date), not heard, or pending. Send "
                         "the version you read (409 if stale).")
def notification_marac(request, notification_id: int, payload: s.MaracOutcomeIn):
    notification = _notification(request, notification_id)
    return marac_record(actor=request.auth, notification=notification, expected_version=payload.version,
                        marac_date=payload.marac_date, outcome=payload.outcome)
