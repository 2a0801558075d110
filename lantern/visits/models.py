"""Child in need visits (SSD ssd_cin_visits). Child protection visits, which belong to a plan and
its core group, live with the plan in ``lantern.protection.models.CpVisit`` (ssd_cp_visits);
see docs/adr/0012-child-protection-visits.md."""

from django.conf import settings
from django.db import models


class VisitKind(models.TextChoices):
    CIN = "cin", "Child in need visit"


class Visit(models.Model):
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    episode = models.ForeignKey("referrals.Episode", on_delete=models.PROTECT, related_name="visits")
    kind = models.CharField(max_length=20, choices=VisitKind.choices)
    visit_date = models.DateField()
    child_seen = models.BooleanField()
    not_seen_reason = models.TextField(blank=True)
    seen_alone = models.BooleanField(null=True, blank=True)
    not_seen_alone_reason = models.TextField(blank=True)
    # Asked on child protection visits; empty for kinds that do not ask it.
    bedroom_seen = models.BooleanField(null=True, blank=True)
    child_words = models.TextField("What the child said, in their words", blank=True)
    observations = models.TextField("What you saw and did")
    late_reason = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-visit_date", "-id"]
        indexes = [models.Index(fields=["child", "visit_date"]), models.Index(fields=["kind", "visit_date"]),
                   # The performance dashboard's "seen alone" counts read only this index.
                   models.Index(fields=["visit_date", "child_seen", "seen_alone"], name="visit_date_seen_idx")]
        constraints = [models.CheckConstraint(condition=models.Q(child_seen=True) | models.Q(seen_alone__isnull=True),
                                              name="visit_seen_alone_only_if_seen")]
