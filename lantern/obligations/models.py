"""Stored obligations: one row per deadline a child's records have started, with its due date
computed by the statutory clock when the records were saved.

The explanation is not stored: it is derived on display from the same inputs (rule, start date,
occurrence) and the current calendar and local policy, which ``recompute_obligations`` keeps the
stored due dates in step with."""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q

from lantern.timescales.periods import PeriodUnit


class Obligation(models.Model):
    source_type = models.CharField(max_length=40)  # the registered source, e.g. "referrals.episode"
    source_id = models.BigIntegerField()
    rule_id = models.CharField(max_length=60)
    occurrence = models.PositiveSmallIntegerField(default=1)
    # No index of its own: the (child, due date) index below serves every lookup by child.
    child = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="obligations",
                              db_index=False)
    start_date = models.DateField()
    series_start = models.DateField(null=True, blank=True)
    extended = models.BooleanField(default=False)
    due_date = models.DateField()
    met_on = models.DateField(null=True, blank=True)
    late_reason = models.TextField(blank=True)
    # The obligation stopped applying (the episode closed, the plan ended) before it was met.
    withdrawn_on = models.DateField(null=True, blank=True)
    link = models.CharField(max_length=200, blank=True)
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source_type", "source_id", "rule_id", "occurrence"],
                                    name="obligation_once_per_source_rule_occurrence")
        ]
        indexes = [
            models.Index(fields=["child", "due_date"]),
            # The open deadlines are a small slice of ten years' rows; the work lists read them by
            # child and the service view counts them by rule, from this index alone.
            models.Index(fields=["child", "due_date"], include=["rule_id"],
                         condition=Q(met_on__isnull=True, withdrawn_on__isnull=True), name="obligation_open_idx"),
            # Whether each was met or withdrawn rides along, so timeliness figures over a period read
            # the index alone.
            models.Index(fields=["rule_id", "due_date"], include=["met_on", "withdrawn_on"],
                         name="obligation_rule_due_idx"),
        ]


class ClosureDay(models.Model):
    """A day the authority is closed (beyond weekends and bank holidays), added by an administrator."""

    day = models.DateField(unique=True)
    label = models.CharField(max_length=120)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["day"]


class LocalPolicySetting(models.Model):
    """One of the authority's values for a local-policy timescale, for clocks that start on or after
    `effective_from` (until a later value takes over). Absent any: the default applies. Kept as a
    history, so that deadlines already past keep the value that was in force when they started."""

    key = models.CharField(max_length=60)
    # date.min: the value applies to every record, whenever its clock started.
    effective_from = models.DateField(default=date.min)
    amount = models.PositiveSmallIntegerField()
    unit = models.CharField(max_length=20, choices=[(u.value, u.value.replace("_", " ")) for u in PeriodUnit])
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["key", "effective_from"]
        constraints = [models.UniqueConstraint(fields=["key", "effective_from"], name="local_policy_once_per_day")]
