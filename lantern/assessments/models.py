"""Child and family assessments (SSD ssd_cin_assessments, ssd_assessment_factors; CIN census
Assessments). What the inspection found missing is held as answers, not free decoration: the
date the child was seen and whether alone, the child's own words, identity, each parent and carer
engaged or why not, history, risks, strengths, analysis, factors and an outcome."""

from django.conf import settings
from django.db import models

from .codes import AssessmentKind, AssessmentOutcome, AssessmentStatus


class Assessment(models.Model):
    episode = models.ForeignKey("referrals.Episode", on_delete=models.PROTECT, related_name="assessments")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=10, choices=AssessmentKind.choices, default=AssessmentKind.SINGLE)
    status = models.CharField(max_length=12, choices=AssessmentStatus.choices, default=AssessmentStatus.IN_PROGRESS)
    started_on = models.DateField()
    # Why a second assessment in the same episode: never "the child moved team".
    reassessment_reason = models.TextField(blank=True)
    # Seeing the child
    child_seen_on = models.DateField(null=True, blank=True)
    seen_alone = models.BooleanField(null=True, blank=True)
    not_seen_alone_reason = models.TextField(blank=True)
    # The child's views, wishes and feelings, in their own words
    child_views = models.TextField(blank=True)
    # How ethnicity, culture, language, religion and disability shape the child's needs
    identity_needs = models.TextField(blank=True)
    # Parents and carers not recorded on the child's file (a father whose name is not known)
    parents_note = models.TextField(blank=True)
    history_considered = models.TextField(blank=True)
    risks = models.TextField(blank=True)
    protective_factors = models.TextField(blank=True)
    analysis = models.TextField(blank=True)
    outcome = models.CharField(max_length=20, choices=AssessmentOutcome.choices, blank=True)
    outcome_reasons = models.TextField(blank=True)
    submitted_on = models.DateField(null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+")
    # The authorisation date is the completion date (census AssessmentAuthorisationDate).
    authorised_on = models.DateField(null=True, blank=True)
    authorised_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="+")
    authorisation_rationale = models.TextField(blank=True)
    late_reason = models.TextField(blank=True)
    returned_comments = models.TextField(blank=True)  # a manager's request for more work
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-started_on", "-id"]
        indexes = [models.Index(fields=["child", "started_on"]), models.Index(fields=["authorised_on"]),
                   models.Index(fields=["status"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(authorised_on__isnull=True)
                                   | models.Q(authorised_on__gte=models.F("started_on")),
                                   name="assessment_authorised_after_start"),
            models.CheckConstraint(condition=~models.Q(status="authorised") | models.Q(authorised_on__isnull=False),
                                   name="assessment_authorised_has_date"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} started {self.started_on:%-d %b %Y}"

    @property
    def is_editable(self) -> bool:
        return self.status == AssessmentStatus.IN_PROGRESS


class AssessmentFactor(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="factors")
    code = models.CharField(max_length=3)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["assessment", "code"], name="assessment_factor_once")]


class ParentCarerEngagement(models.Model):
    """Whether one parent or carer took part in the assessment, and how, or why not."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="engagements")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    relationship_type = models.CharField(max_length=30)  # as it was when the assessment was written
    is_male_carer = models.BooleanField(default=False)
    engaged = models.BooleanField()
    note = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["assessment", "person"], name="engagement_once_per_person")]
