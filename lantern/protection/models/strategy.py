"""Strategy discussions: who took part for which agency, what each agency shared, what was decided
and why, and the actions agreed, each with an owner and a date."""

from django.conf import settings
from django.db import models

from ..codes import DiscussionKind, MeetingAgency, StrategyDecision


class StrategyDiscussion(models.Model):
    episode = models.ForeignKey("referrals.Episode", on_delete=models.PROTECT, related_name="strategy_discussions")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    held_on = models.DateField()
    held_at = models.TimeField()
    kind = models.CharField(max_length=10, choices=DiscussionKind.choices)
    concerns = models.TextField("Why the discussion was held")
    # The kind of agency that referred; empty when the referrer was a family member, the child or anonymous.
    referrer_agency = models.CharField(max_length=20, choices=MeetingAgency.choices, blank=True)
    police_absent_reason = models.TextField(blank=True)
    health_absent_reason = models.TextField(blank=True)
    referrer_absent_reason = models.TextField(blank=True)
    decision = models.CharField(max_length=20, choices=StrategyDecision.choices)
    decision_rationale = models.TextField()
    # The day the record was completed: meets rule strategy_discussion_record.
    completed_on = models.DateField()
    late_reason = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-held_on", "-held_at", "-id"]
        indexes = [models.Index(fields=["child", "held_on"])]
        constraints = [models.CheckConstraint(condition=models.Q(completed_on__gte=models.F("held_on")),
                                              name="strategy_completed_after_held")]

    def __str__(self) -> str:
        return f"Strategy discussion of {self.held_on:%-d %b %Y}"

    @property
    def starts_enquiry(self) -> bool:
        from ..codes import STARTS_ENQUIRY

        return self.decision in STARTS_ENQUIRY


class StrategyParticipant(models.Model):
    discussion = models.ForeignKey(StrategyDiscussion, on_delete=models.CASCADE, related_name="participants")
    agency_kind = models.CharField(max_length=20, choices=MeetingAgency.choices)
    agency = models.ForeignKey("accounts.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=120)
    role = models.CharField(max_length=120, blank=True)
    information_shared = models.TextField()

    class Meta:
        ordering = ["id"]


class StrategyAction(models.Model):
    discussion = models.ForeignKey(StrategyDiscussion, on_delete=models.CASCADE, related_name="actions")
    what = models.TextField()
    owner = models.CharField("Who", max_length=160)
    due_date = models.DateField("By when")

    class Meta:
        ordering = ["due_date", "id"]
