"""The child in need episode: from referral to closure, the spine most of a child's record hangs
from (SSD ssd_cin_episodes; CIN census CINdetails), and transfers of the work between workers and
teams, each with a written evaluation of risk."""

from django.conf import settings
from django.db import models

from .codes import ClosureReason, PrimaryNeed, ReferralSource


class Episode(models.Model):
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="episodes")
    referral_date = models.DateField()
    referral_source = models.CharField(max_length=2, choices=ReferralSource.choices)
    primary_need = models.CharField(max_length=2, choices=PrimaryNeed.choices, blank=True)
    referral_nfa = models.BooleanField("No further action at referral", default=False)
    team = models.ForeignKey("accounts.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    worker = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                               related_name="+")
    closure_date = models.DateField(null=True, blank=True)
    closure_reason = models.CharField(max_length=3, choices=ClosureReason.choices, blank=True)
    # Closed by stepping down to early help; a referral within 3 months of that is counted as a return.
    stepped_down = models.BooleanField(default=False)
    returned_after_step_down = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                                                 related_name="returns")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-referral_date", "-id"]
        indexes = [models.Index(fields=["child", "referral_date"]), models.Index(fields=["referral_date"]),
                   models.Index(fields=["closure_date"]),
                   # The performance dashboard counts children in need at each month end from these alone.
                   models.Index(fields=["referral_date"], condition=models.Q(referral_nfa=False),
                                name="episode_referral_not_nfa_idx"),
                   models.Index(fields=["referral_date"], condition=models.Q(referral_nfa=False,
                                                                           closure_date__isnull=True),
                                name="episode_open_referral_idx"),
                   models.Index(fields=["closure_date", "referral_date"], condition=models.Q(referral_nfa=False),
                                name="episode_closure_span_idx")]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(closure_date__isnull=True) & models.Q(closure_reason=""))
                | (models.Q(closure_date__isnull=False) & ~models.Q(closure_reason="")),
                name="episode_closure_date_and_reason_together",
            ),
            models.CheckConstraint(condition=models.Q(closure_date__isnull=True)
                                   | models.Q(closure_date__gte=models.F("referral_date")),
                                   name="episode_closes_after_referral"),
        ]

    def __str__(self) -> str:
        return f"Referral of {self.referral_date:%d %b %Y}"

    @property
    def is_open(self) -> bool:
        return self.closure_date is None


class TransferStatus(models.TextChoices):
    PROPOSED = "proposed", "Waiting for a manager"
    APPROVED = "approved", "Approved"
    DECLINED = "declined", "Declined"


class Transfer(models.Model):
    """Moving the work to another worker or team. The assessment and the plan stay with the episode:
    the receiving team carries them on, it does not start again."""

    episode = models.ForeignKey(Episode, on_delete=models.PROTECT, related_name="transfers")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    from_team = models.ForeignKey("accounts.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    from_worker = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    to_team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="+")
    to_worker = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="+")
    transfer_date = models.DateField()
    summary = models.TextField("Transfer summary")
    risk_evaluation = models.TextField("Current evaluation of risk")
    status = models.CharField(max_length=10, choices=TransferStatus.choices, default=TransferStatus.PROPOSED)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    proposed_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    decided_on = models.DateField(null=True, blank=True)
    decision_rationale = models.TextField(blank=True)

    class Meta:
        ordering = ["-transfer_date", "-id"]
        indexes = [models.Index(fields=["child", "transfer_date"])]
