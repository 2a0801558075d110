"""Police domestic abuse notifications: they arrive in bulk, each is triaged, none is lost.

A notification whose household has no children is closed as such and stays countable; one that
needs children's services raises a contact, and a high-risk one goes to MARAC (the multi-agency
risk assessment conference)."""

from django.conf import settings
from django.db import models

from ..codes import ChildrenInHousehold, MaracOutcome, NotificationStatus, RiskLevel


class NotificationBatch(models.Model):
    """One upload (or API call) of notifications, with what was accepted and what was refused."""

    filename = models.CharField(max_length=200, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    rows_total = models.PositiveIntegerField(default=0)
    rows_accepted = models.PositiveIntegerField(default=0)
    # [{"row": 3, "column": "incident_date", "message": "..."}]
    errors = models.JSONField(default=list)
    task = models.ForeignKey("tasks.BackgroundTask", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+")

    class Meta:
        ordering = ["-uploaded_at", "-id"]

    @property
    def rows_rejected(self) -> int:
        return len({e["row"] for e in self.errors})


class DomesticAbuseNotification(models.Model):
    police_reference = models.CharField(max_length=40, unique=True)
    incident_date = models.DateField()
    received_at = models.DateTimeField()
    received_on = models.DateField()
    victim_name = models.CharField(max_length=160)
    perpetrator_name = models.CharField(max_length=160, blank=True)
    address = models.CharField(max_length=240)
    postcode = models.CharField(max_length=10, blank=True)
    children_reported = models.CharField(max_length=1, choices=ChildrenInHousehold.choices)
    children_details = models.TextField(blank=True)  # as the police gave them: names and dates of birth
    police_risk = models.CharField(max_length=10, choices=RiskLevel.choices)
    batch = models.ForeignKey(NotificationBatch, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="notifications")
    status = models.CharField(max_length=20, choices=NotificationStatus.choices, default=NotificationStatus.NEW)
    risk_level = models.CharField(max_length=10, choices=RiskLevel.choices, blank=True)  # confirmed at triage
    children_present = models.BooleanField(null=True, blank=True)
    triage_notes = models.TextField(blank=True)
    triaged_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    triaged_at = models.DateTimeField(null=True, blank=True)
    marac_referred = models.BooleanField(default=False)
    marac_date = models.DateField(null=True, blank=True)
    marac_outcome = models.CharField(max_length=20, choices=MaracOutcome.choices, blank=True)
    contact = models.OneToOneField("frontdoor.Contact", null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="notification")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-received_at", "-id"]
        indexes = [models.Index(fields=["status", "received_at"]), models.Index(fields=["received_on"])]

    def __str__(self) -> str:
        return self.police_reference

    @property
    def is_triaged(self) -> bool:
        return self.status != NotificationStatus.NEW
