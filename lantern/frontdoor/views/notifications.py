"""Police domestic abuse notifications: the list, the CSV upload and its progress, and triage."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.frontdoor.audit_types import NOTIFICATION
from lantern.service_layer.pages import run_service
from lantern.tasks.models import BackgroundTask
from lantern.tasks.uploads import request_too_large, too_large_form
from lantern.web.decorators import page

from ..codes import NotificationStatus
from ..forms import notifications as upload_forms
from ..forms.contacts import VersionedForm
from ..forms.notifications import MaracForm, TriageForm, UploadForm
from ..models import DomesticAbuseNotification, NotificationBatch
from ..services import marac_record, notification_triage, notifications_upload_start
from .common import front_door_page, screened_contact

LISTED = 200


@front_door_page()
def notification_list(request):
    waiting = DomesticAbuseNotification.objects.filter(status=NotificationStatus.NEW).order_by("received_at", "pk")
    recent = DomesticAbuseNotification.objects.exclude(status=NotificationStatus.NEW).select_related("contact")
    waiting_rows, recent_rows = list(waiting[:LISTED]), list(recent.order_by("-triaged_at", "-pk")[:50])
    audit_record(actor=request.user, action=Action.LIST, object_type=NOTIFICATION,
                 detail=f"{len(waiting_rows)} waiting, {len(recent_rows)} recently triaged shown")
    return render(request, "frontdoor/notification_list.html", {
        "waiting": waiting_rows, "waiting_total": waiting.count(), "recent": recent_rows,
        "batches": NotificationBatch.objects.select_related("uploaded_by")[:10]})


@front_door_page()
def notification_upload(request):
    if request.method == "POST" and request_too_large(request, upload_forms.MAX_UPLOAD_BYTES):
        form = too_large_form(UploadForm, upload_forms.MAX_UPLOAD_BYTES)  # the body is never read
        return render(request, "frontdoor/notification_upload.html", {"form": form}, status=413)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        made = {}

        def start():
            made["task"] = notifications_upload_start(actor=request.user, upload=upload, filename=upload.name)
        if run_service(form, start):
            return redirect("frontdoor:upload_progress", pk=made["task"].pk)
    return render(request, "frontdoor/notification_upload.html", {"form": form})


@page(nav_section="frontdoor")
def upload_progress(request, pk: int):
    """The upload's progress bar while it runs; then what was received and every refused row. Only the
    person who uploaded the file can open it (anyone else gets "not found", as for any task)."""
    task = get_object_or_404(BackgroundTask, pk=pk, started_by=request.user, kind="frontdoor_notifications")
    batch = None
    if task.status == BackgroundTask.Status.DONE and task.result:
        batch = NotificationBatch.objects.filter(pk=task.result.get("batch")).first()
    return render(request, "frontdoor/upload_progress.html", {"task": task, "batch": batch})


@front_door_page()
def notification_detail(request, pk: int):
    notification = DomesticAbuseNotification.objects.select_related("contact", "triaged_by").filter(pk=pk).first()
    if notification is None:
        raise Http404("No such notification")
    if notification.contact_id:
        # Once its contact is matched to a restricted record, the notification is that child's story too.
        screened_contact(request, notification.contact_id)
    initial = {"version": notification.version, "risk_level": notification.police_risk}
    triage = TriageForm(request.POST if "triage" in request.POST else None, initial=initial)
    marac = MaracForm(request.POST if "marac" in request.POST else None,
                      initial={"version": notification.version, "outcome": notification.marac_outcome,
                               "marac_date": notification.marac_date})
    if triage.is_bound and triage.is_valid():
        data = triage.cleaned_data
        if run_service(triage, lambda: notification_triage(
                actor=request.user, notification=notification, expected_version=data["version"],
                risk_level=data["risk_level"], children_present=data["children_present"],
                raise_contact=data["raise_contact"], marac_referred=data["marac_referred"], notes=data["notes"])):
            messages.success(request, f"Notification {notification.police_reference} was triaged")
            return redirect("frontdoor:notification_detail", pk=notification.pk)
    if marac.is_bound and marac.is_valid():
        data = marac.cleaned_data
        if run_service(marac, lambda: marac_record(actor=request.user, notification=notification,
                                                   expected_version=data["version"], marac_date=data["marac_date"],
                                                   outcome=data["outcome"])):
            messages.success(request, "The MARAC outcome was recorded")
            return redirect("frontdoor:notification_detail", pk=notification.pk)
    audit_record(actor=request.user, action=Action.VIEW, object_type=NOTIFICATION, object_id=notification.pk)
    errors_form = triage if triage.is_bound else marac if marac.is_bound else VersionedForm()
    return render(request, "frontdoor/notification_detail.html", {"n": notification, "triage": triage,
                                                                  "marac": marac, "errors_form": errors_form})
