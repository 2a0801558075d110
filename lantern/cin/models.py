"""Child in need plans, their actions and reviews (SSD ssd_cin_plans; CIN census CINPlanDates), and
closing an episode or stepping it down to early help, each with a written evaluation of risk and a
manager's decision."""

from django.conf import settings
from django.db import models

from lantern.casework.records import ActionProgressRecord, PlanActionRecord


class CinPlan(models.Model):
    """A child in need plan. Start and end dates matter beyond this app: a child protection plan
    must not overlap it (census rules 4001/4016/4017), so child protection ends it with
    ``cin_plan_end`` when a CP plan starts."""

    episode = models.ForeignKey("referrals.Episode", on_delete=models.PROTECT, related_name="cin_plans")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    # The assessment that concluded the child needs a plan; empty for a plan that follows a
    # child protection plan or a conference.
    assessment = models.ForeignKey("assessments.Assessment", null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="cin_plans")
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    end_reason = models.TextField(blank=True)
    outcomes = models.TextField("What must change for the child")
    late_reason = models.TextField(blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-start_date", "-id"]
        indexes = [models.Index(fields=["child", "start_date"]), models.Index(fields=["end_date"])]
        constraints = [models.CheckConstraint(condition=models.Q(end_date__isnull=True)
                                              | models.Q(end_date__gte=models.F("start_date")),
                                              name="cin_plan_ends_after_start")]

    def __str__(self) -> str:
        return f"Child in need plan from {self.start_date:%-d %b %Y}"

    @property
    def is_open(self) -> bool:
        return self.end_date is None


class PlanAction(PlanActionRecord):
    plan = models.ForeignKey(CinPlan, on_delete=models.CASCADE, related_name="actions")

    class Meta(PlanActionRecord.Meta):
        pass


class PlanReview(models.Model):
    plan = models.ForeignKey(CinPlan, on_delete=models.PROTECT, related_name="reviews")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    review_date = models.DateField()
    child_views = models.TextField("The child's views")
    progress_summary = models.TextField("Overall progress")
    late_reason = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-review_date", "-id"]
        indexes = [models.Index(fields=["child", "review_date"])]


class ActionProgress(ActionProgressRecord):
    review = models.ForeignKey(PlanReview, on_delete=models.CASCADE, related_name="progress")
    action = models.ForeignKey(PlanAction, on_delete=models.PROTECT, related_name="progress")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["review", "action"], name="progress_once_per_action")]


class ClosureKind(models.TextChoices):
    CLOSE = "close", "Close the episode"
    STEP_DOWN = "step_down", "Step down to early help"


class Closure(models.Model):
    """A proposal to close the episode or step it down to early help: the worker's written
    evaluation of risk, early help's acceptance (for a step-down), and the manager's decision."""

    class Status(models.TextChoices):
        AWAITING_EARLY_HELP = "awaiting_early_help", "Waiting for early help to accept"
        AWAITING_MANAGER = "awaiting_manager", "Waiting for a manager"
        APPROVED = "approved", "Approved"
        DECLINED = "declined", "Declined"

    episode = models.ForeignKey("referrals.Episode", on_delete=models.PROTECT, related_name="closures")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=10, choices=ClosureKind.choices)
    status = models.CharField(max_length=20, choices=Status.choices)
    closure_date = models.DateField()
    reason = models.CharField(max_length=3)  # RC1-RC9 (lantern.referrals.codes.ClosureReason)
    risk_evaluation = models.TextField("Evaluation of risk at closure")
    family_told_on = models.DateField(null=True, blank=True)
    early_help_team = models.ForeignKey("accounts.Team", null=True, blank=True, on_delete=models.PROTECT,
                                        related_name="+")
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    proposed_at = models.DateTimeField(auto_now_add=True)
    early_help_accepted = models.BooleanField(null=True, blank=True)
    early_help_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="+")
    early_help_on = models.DateField(null=True, blank=True)
    early_help_note = models.TextField(blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    decided_on = models.DateField(null=True, blank=True)
    rationale = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-proposed_at", "-id"]
        indexes = [models.Index(fields=["status", "early_help_team"]), models.Index(fields=["child"])]

    @property
    def is_pending(self) -> bool:
        return self.status in (self.Status.AWAITING_EARLY_HELP, self.Status.AWAITING_MANAGER)
