"""The child protection plan (SSD ssd_cp_plans): its actions, core group members and meetings,
progress per action, visits to the child (ssd_cp_visits) and partners' updates."""

from django.conf import settings
from django.db import models

from lantern.casework.records import ActionProgressRecord, PlanActionRecord, VisitRecord

from ..codes import AfterPlan, Category, MeetingAgency


class CpPlan(models.Model):
    """Starts on the day of the conference that decided it (census rule 2885). A child has at most
    one open plan (8935/8940); an end is after the start, never on the same day (8840/8925)."""

    episode = models.ForeignKey("referrals.Episode", on_delete=models.PROTECT, related_name="cp_plans")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    conference = models.OneToOneField("protection.Conference", on_delete=models.PROTECT, related_name="started_plan")
    start_date = models.DateField()
    initial_category = models.CharField(max_length=3, choices=Category.choices)
    latest_category = models.CharField(max_length=3, choices=Category.choices)
    outcomes = models.TextField("What must change for the child")
    previous_plans = models.PositiveSmallIntegerField(default=0)  # NumberOfPreviousCPP
    end_date = models.DateField(null=True, blank=True)
    ended_by = models.ForeignKey("protection.Conference", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+")
    after_plan = models.CharField(max_length=20, choices=AfterPlan.choices, blank=True)
    # A review decided to end the plan within 3 months of its start: it stays open until a service
    # manager records why ending it is safe.
    pending_end = models.ForeignKey("protection.Conference", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    early_end_rationale = models.TextField(blank=True)
    early_end_approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                              on_delete=models.PROTECT, related_name="+")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-start_date", "-id"]
        indexes = [models.Index(fields=["child", "start_date"]), models.Index(fields=["end_date"])]
        constraints = [
            models.UniqueConstraint(fields=["child"], condition=models.Q(end_date__isnull=True),
                                    name="cp_plan_one_open_per_child"),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True) | models.Q(end_date__gt=models.F("start_date")),
                name="cp_plan_ends_after_start"),
        ]

    def __str__(self) -> str:
        return f"Child protection plan from {self.start_date:%-d %b %Y}"

    @property
    def is_open(self) -> bool:
        return self.end_date is None


class PlanAction(PlanActionRecord):
    plan = models.ForeignKey(CpPlan, on_delete=models.CASCADE, related_name="actions")

    class Meta(PlanActionRecord.Meta):
        pass


class CoreGroupMember(models.Model):
    plan = models.ForeignKey(CpPlan, on_delete=models.CASCADE, related_name="members")
    agency_kind = models.CharField(max_length=20, choices=MeetingAgency.choices)
    agency = models.ForeignKey("accounts.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=120)
    role = models.CharField(max_length=120, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                             related_name="+")
    joined_on = models.DateField()
    left_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["agency_kind", "name", "id"]
        indexes = [models.Index(fields=["agency", "plan"]), models.Index(fields=["user", "plan"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.agency or self.get_agency_kind_display()})"


class CoreGroup(models.Model):
    plan = models.ForeignKey(CpPlan, on_delete=models.PROTECT, related_name="core_groups")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    held_on = models.DateField()
    summary = models.TextField("What the core group found and agreed")
    attendees = models.ManyToManyField(CoreGroupMember, related_name="meetings", blank=True)
    late_reason = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]


class ActionProgress(ActionProgressRecord):
    """Progress on one action, at a core group or a review conference."""

    action = models.ForeignKey(PlanAction, on_delete=models.CASCADE, related_name="progress")
    core_group = models.ForeignKey(CoreGroup, null=True, blank=True, on_delete=models.CASCADE, related_name="progress")
    conference = models.ForeignKey("protection.Conference", null=True, blank=True, on_delete=models.CASCADE,
                                   related_name="progress")

    class Meta:
        constraints = [models.CheckConstraint(
            condition=models.Q(core_group__isnull=True) ^ models.Q(conference__isnull=True),
            name="progress_at_core_group_or_conference")]


class CpVisit(VisitRecord):
    plan = models.ForeignKey(CpPlan, on_delete=models.PROTECT, related_name="visits")
    visited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta(VisitRecord.Meta):
        indexes = [models.Index(fields=["child", "visit_date"]),
                   # The performance dashboard's "seen alone" counts read only this index.
                   models.Index(fields=["visit_date", "child_seen", "seen_alone"], name="cp_visit_date_seen_idx")]
        constraints = [models.CheckConstraint(condition=models.Q(child_seen=True) | models.Q(seen_alone__isnull=True),
                                              name="cp_visit_seen_alone_only_if_seen")]


class PlanUpdate(models.Model):
    """A core group member's update between meetings (partners write theirs in Lantern)."""

    plan = models.ForeignKey(CpPlan, on_delete=models.CASCADE, related_name="updates")
    action = models.ForeignKey(PlanAction, null=True, blank=True, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    agency_label = models.CharField(max_length=160)
    written_on = models.DateField()
    text = models.TextField()

    class Meta:
        ordering = ["-written_on", "-id"]
