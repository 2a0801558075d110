"""Contacts: every concern about a child that reaches the front door, the people it names, the
checks made with other agencies, and the decision (SSD ssd_contacts; Annex A list 1)."""

from datetime import date

from django.conf import settings
from django.db import models

from lantern.people.codes import RelationshipType, Sex
from lantern.referrals.codes import PrimaryNeed, ReferralSource

from ..codes import Channel, ContactStatus, DecisionStatus, NotDiscussedReason, Outcome, PersonRole

REFERENCE_PREFIX = "FD"


class Contact(models.Model):
    status = models.CharField(max_length=30, choices=ContactStatus.choices, default=ContactStatus.RECEIVED)
    channel = models.CharField(max_length=30, choices=Channel.choices)
    # The moment it arrived, and the statutory date the decision clock counts from (day 0).
    received_at = models.DateTimeField(null=True, blank=True)
    received_on = models.DateField(null=True, blank=True)
    decision_due = models.DateField(null=True, blank=True)  # from the statutory clock, set by the services
    source = models.CharField(max_length=2, choices=ReferralSource.choices)
    referrer_name = models.CharField(max_length=120, blank=True)
    referrer_role = models.CharField(max_length=120, blank=True)
    referrer_agency = models.ForeignKey("accounts.Agency", null=True, blank=True, on_delete=models.PROTECT,
                                        related_name="+")
    referrer_organisation = models.CharField(max_length=160, blank=True)
    referrer_phone = models.CharField(max_length=40, blank=True)
    referrer_email = models.CharField(max_length=160, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="submitted_contacts")
    concern = models.TextField(blank=True)
    child_views = models.TextField(blank=True)
    immediate_risk = models.BooleanField(null=True, blank=True)
    referrer_level = models.ForeignKey("frontdoor.ThresholdLevel", null=True, blank=True, on_delete=models.PROTECT,
                                       related_name="+")
    discussed_with_parents = models.BooleanField(null=True, blank=True)
    not_discussed_reason = models.CharField(max_length=20, choices=NotDiscussedReason.choices, blank=True)
    not_discussed_detail = models.TextField(blank=True)
    screener = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+")
    screening_notes = models.TextField(blank=True)
    # Set by the child protection part once it has arranged the strategy discussion.
    strategy_arranged_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-received_at", "-id"]
        indexes = [models.Index(fields=["status", "decision_due"]), models.Index(fields=["received_on"]),
                   models.Index(fields=["submitted_by", "status"]),
                   # The performance dashboard counts contacts received by day from this index alone.
                   models.Index(fields=["received_on", "status"], name="contact_received_status_idx")]
        constraints = [
            models.CheckConstraint(condition=models.Q(status=ContactStatus.DRAFT) | models.Q(received_on__isnull=False),
                                   name="contact_received_unless_draft"),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"{REFERENCE_PREFIX}{self.pk:07d}"

    @property
    def received(self) -> date:
        """The day a received contact arrived (the decision clock's day 0); a draft has none."""
        if self.received_on is None:
            raise ValueError(f"{self.reference} is a draft: it has not been received")
        return self.received_on

    @property
    def due(self) -> date:
        if self.decision_due is None:
            raise ValueError(f"{self.reference} is a draft: no decision is due")
        return self.decision_due

    @property
    def is_open(self) -> bool:
        return self.status in (ContactStatus.RECEIVED, ContactStatus.AWAITING_AUTHORISATION)


class ContactPerson(models.Model):
    """A child or household adult as the contact named them, and the record they were matched to."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="people")
    role = models.CharField(max_length=10, choices=PersonRole.choices, default=PersonRole.CHILD)
    first_name = models.CharField(max_length=80)
    last_name = models.CharField(max_length=80)
    date_of_birth = models.DateField(null=True, blank=True)
    sex = models.CharField(max_length=1, choices=Sex.choices, default=Sex.UNKNOWN)
    address = models.CharField(max_length=240, blank=True)
    relationship = models.CharField(max_length=30, choices=RelationshipType.choices, blank=True)
    person = models.ForeignKey("people.Person", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="contact_mentions")
    linked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="+")
    linked_at = models.DateTimeField(null=True, blank=True)
    # The child in need episode a referral opened (or joined) for this child.
    episode = models.ForeignKey("referrals.Episode", null=True, blank=True, on_delete=models.PROTECT,
                                related_name="+")

    class Meta:
        ordering = ["role", "id"]
        indexes = [models.Index(fields=["person", "contact"])]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class AgencyCheck(models.Model):
    """What another agency said when the front door asked (information gathering, not assessment)."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="agency_checks")
    agency = models.ForeignKey("accounts.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    agency_name = models.CharField(max_length=160, blank=True)
    asked_on = models.DateField()
    response = models.TextField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["asked_on", "id"]

    @property
    def agency_label(self) -> str:
        return str(self.agency) if self.agency_id else self.agency_name


class ContactDecision(models.Model):
    """A decision on a contact. A returned proposal is kept; the contact's latest decision counts."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="decisions")
    status = models.CharField(max_length=10, choices=DecisionStatus.choices)
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    threshold_level = models.ForeignKey("frontdoor.ThresholdLevel", on_delete=models.PROTECT, related_name="+")
    rationale = models.TextField()
    nfa_reason = models.TextField(blank=True)
    advice_given = models.TextField(blank=True)
    early_help_service = models.CharField(max_length=160, blank=True)
    transfer_authority = models.CharField(max_length=160, blank=True)
    primary_need = models.CharField(max_length=2, choices=PrimaryNeed.choices, blank=True)
    referrer_feedback = models.TextField(blank=True)
    late_reason = models.TextField(blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField()
    authorised_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="+")
    authorised_at = models.DateTimeField(null=True, blank=True)
    manager_comment = models.TextField(blank=True)
    # The date the decision took effect: the day the statutory clock counts as met.
    effective_on = models.DateField(null=True, blank=True)
    # Flags worked out when the decision was made.
    rereferral = models.BooleanField(default=False)
    previous_referral_on = models.DateField(null=True, blank=True)
    contacts_in_year = models.PositiveSmallIntegerField(default=0)  # this one included

    class Meta:
        ordering = ["-decided_at", "-id"]
        indexes = [models.Index(fields=["status", "outcome"]), models.Index(fields=["effective_on"]),
                   # The performance dashboard's conversion and re-referral counts read only this index.
                   models.Index(fields=["effective_on", "status", "outcome", "rereferral"],
                                name="decision_effective_outcome_idx")]

    @property
    def third_contact(self) -> bool:
        return self.contacts_in_year >= 3
