"""Section 47 enquiries, the visits made for them, and written agreements with the family."""

from django.conf import settings
from django.db import models

from ..codes import AgreementStatus, EnquiryOutcome


class Section47Enquiry(models.Model):
    """Started by the strategy discussion that decided on it, on that discussion's date
    (S47ActualStartDate); led by a registered social worker."""

    episode = models.ForeignKey("referrals.Episode", on_delete=models.PROTECT, related_name="enquiries")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    strategy_discussion = models.OneToOneField("protection.StrategyDiscussion", on_delete=models.PROTECT,
                                               related_name="enquiry")
    start_date = models.DateField()
    joint_with_police = models.BooleanField(default=False)
    police_contact = models.CharField("Police officer or reference", max_length=160, blank=True)
    lead_worker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    child_seen_on = models.DateField(null=True, blank=True)
    seen_alone = models.BooleanField(null=True, blank=True)
    not_seen_alone_reason = models.TextField(blank=True)
    risk_assessment = models.TextField("Assessment of risk", blank=True)
    risk_assessed_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=EnquiryOutcome.choices, blank=True)
    outcome_rationale = models.TextField(blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    completed_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-start_date", "-id"]
        indexes = [models.Index(fields=["child", "start_date"]), models.Index(fields=["completed_on"])]
        constraints = [
            models.CheckConstraint(condition=(models.Q(outcome="") & models.Q(completed_on__isnull=True))
                                   | (~models.Q(outcome="") & models.Q(completed_on__isnull=False)),
                                   name="enquiry_outcome_and_completion_together"),
        ]

    def __str__(self) -> str:
        return f"Section 47 enquiry from {self.start_date:%-d %b %Y}"

    @property
    def is_open(self) -> bool:
        return self.completed_on is None


class EnquiryVisit(models.Model):
    enquiry = models.ForeignKey(Section47Enquiry, on_delete=models.PROTECT, related_name="visits")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    visit_date = models.DateField()
    visit_time = models.TimeField()
    # Outside 09:00-17:00 or on a day that is not a working day (the emergency duty team's hours).
    out_of_hours = models.BooleanField(default=False)
    visited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    child_seen = models.BooleanField()
    not_seen_reason = models.TextField(blank=True)
    seen_alone = models.BooleanField(null=True, blank=True)
    not_seen_alone_reason = models.TextField(blank=True)
    notes = models.TextField("What you saw, heard and did")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["visit_date", "visit_time", "id"]


class WrittenAgreement(models.Model):
    """An agreement with the family about keeping the child safe. It follows a recorded assessment of
    risk and needs a manager's decision; someone other than the parents checks it is kept."""

    enquiry = models.ForeignKey(Section47Enquiry, on_delete=models.PROTECT, related_name="agreements")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    terms = models.TextField("What the family agrees to")
    monitored_by = models.CharField("Who checks the agreement is kept", max_length=160)
    monitoring = models.TextField("How they will check")
    review_on = models.DateField("Review date")
    status = models.CharField(max_length=10, choices=AgreementStatus.choices, default=AgreementStatus.PROPOSED)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    proposed_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    decided_on = models.DateField(null=True, blank=True)
    rationale = models.TextField(blank=True)

    class Meta:
        ordering = ["-proposed_at", "-id"]
