"""Child in need visits (SSD ssd_cin_visits). Child protection visits, which belong to a plan and
its core group, live with the plan in ``lantern.protection.models.CpVisit`` (ssd_cp_visits);
see docs/adr/0012-child-protection-visits.md."""

from django.db import models

from lantern.casework.records import VisitRecord


class VisitKind(models.TextChoices):
    CIN = "cin", "Child in need visit"


class Visit(VisitRecord):
    episode = models.ForeignKey("referrals.Episode", on_delete=models.PROTECT, related_name="visits")
    kind = models.CharField(max_length=20, choices=VisitKind.choices)

    class Meta(VisitRecord.Meta):
        indexes = [models.Index(fields=["child", "visit_date"]), models.Index(fields=["kind", "visit_date"]),
                   # The performance dashboard's "seen alone" counts read only this index.
                   models.Index(fields=["visit_date", "child_seen", "seen_alone"], name="visit_date_seen_idx")]
        constraints = [models.CheckConstraint(condition=models.Q(child_seen=True) | models.Q(seen_alone__isnull=True),
                                              name="visit_seen_alone_only_if_seen")]
