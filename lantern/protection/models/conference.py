"""Child protection conferences, initial and review: the invitations and each agency's report, the
report shared with the parents, attendance and participation, and the chair's decision."""

from django.conf import settings
from django.db import models

from ..codes import AfterPlan, Category, ChildParticipation, ConferenceDecision, ConferenceKind, MeetingAgency
from ..codes import ParentParticipation as Parents


class Conference(models.Model):
    kind = models.CharField(max_length=10, choices=ConferenceKind.choices)
    episode = models.ForeignKey("referrals.Episode", on_delete=models.PROTECT, related_name="cp_conferences")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    # An initial conference follows an enquiry; a review conference reviews a plan.
    enquiry = models.ForeignKey("protection.Section47Enquiry", null=True, blank=True, on_delete=models.PROTECT,
                                related_name="conferences")
    plan = models.ForeignKey("protection.CpPlan", null=True, blank=True, on_delete=models.PROTECT,
                             related_name="review_conferences")
    conference_date = models.DateField()
    starts_at = models.TimeField(null=True, blank=True)
    chair = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    late_reason = models.TextField(blank=True)  # arranged for a date after the conference was due
    social_work_report = models.TextField(blank=True)
    report_shared_on = models.DateField(null=True, blank=True)
    report_late_reason = models.TextField(blank=True)
    decision = models.CharField(max_length=10, choices=ConferenceDecision.choices, blank=True)
    decision_rationale = models.TextField(blank=True)
    category = models.CharField(max_length=3, choices=Category.choices, blank=True)
    outline_plan = models.TextField(blank=True)
    after_plan = models.CharField(max_length=20, choices=AfterPlan.choices, blank=True)
    parents_participation = models.CharField(max_length=10, choices=Parents.choices, blank=True)
    child_participation = models.CharField(max_length=10, choices=ChildParticipation.choices, blank=True)
    advocacy_offered = models.BooleanField(null=True, blank=True)
    decision_recorded_on = models.DateField(null=True, blank=True)
    decision_late_reason = models.TextField(blank=True)
    minutes_circulated_on = models.DateField(null=True, blank=True)
    minutes_late_reason = models.TextField(blank=True)
    cancelled_on = models.DateField(null=True, blank=True)
    cancel_reason = models.TextField(blank=True)
    arranged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-conference_date", "-id"]
        indexes = [models.Index(fields=["child", "conference_date"]), models.Index(fields=["conference_date"]),
                   models.Index(fields=["chair", "conference_date"])]
        constraints = [
            models.CheckConstraint(condition=(models.Q(kind=ConferenceKind.INITIAL) & models.Q(enquiry__isnull=False))
                                   | (models.Q(kind=ConferenceKind.REVIEW) & models.Q(plan__isnull=False)),
                                   name="conference_follows_enquiry_or_reviews_plan"),
            models.CheckConstraint(condition=models.Q(decision="") | models.Q(decision_recorded_on__isnull=False),
                                   name="conference_decision_dated"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.conference_date:%-d %b %Y}"

    @property
    def is_initial(self) -> bool:
        return self.kind == ConferenceKind.INITIAL

    @property
    def is_decided(self) -> bool:
        return bool(self.decision)

    @property
    def is_open(self) -> bool:
        """Arranged and neither decided nor cancelled."""
        return not self.decision and self.cancelled_on is None


class ConferenceInvitation(models.Model):
    """One agency invited to the conference: its written report (partners submit theirs in Lantern)
    and whether it attended."""

    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="invitations")
    agency_kind = models.CharField(max_length=20, choices=MeetingAgency.choices)
    agency = models.ForeignKey("accounts.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    invitee_name = models.CharField(max_length=120)
    invitee = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                related_name="+")
    invited_on = models.DateField()
    report = models.TextField(blank=True)
    report_submitted_on = models.DateField(null=True, blank=True)
    report_submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                            on_delete=models.PROTECT, related_name="+")
    attended = models.BooleanField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)  # the report can be rewritten: a stale save is refused

    class Meta:
        ordering = ["agency_kind", "id"]
        indexes = [models.Index(fields=["agency", "conference"])]

    @property
    def agency_label(self) -> str:
        return str(self.agency) if self.agency_id else self.get_agency_kind_display()
