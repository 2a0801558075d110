"""What the statutory returns keep: each census export with its file, each whole-authority
validation with its findings, each census import with its report, and the few census values that
Lantern's own records have no field for (kept for children migrated from another system, so that
exporting them again gives the same return)."""

from django.conf import settings
from django.db import models


class CensusExport(models.Model):
    year = models.PositiveSmallIntegerField()
    task = models.OneToOneField("tasks.BackgroundTask", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    children = models.PositiveIntegerField(default=0)
    errors = models.PositiveIntegerField(default=0)
    queries = models.PositiveIntegerField(default=0)
    xml = models.BinaryField(null=True, editable=False)
    sha256 = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    @property
    def filename(self) -> str:
        return f"cin-census-{self.year}-{settings.LANTERN_LA_CODE}-{self.pk}.xml"

    @property
    def is_ready(self) -> bool:
        return self.finished_at is not None


class CensusValidation(models.Model):
    """One run of every census rule over the whole authority. ``issues`` holds one entry per
    finding: {"rule", "child", "la_child_id", "where", "line"} (child is the Lantern record id)."""

    year = models.PositiveSmallIntegerField()
    task = models.OneToOneField("tasks.BackgroundTask", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    children = models.PositiveIntegerField(default=0)
    errors = models.PositiveIntegerField(default=0)
    queries = models.PositiveIntegerField(default=0)
    issues = models.JSONField(default=list)

    class Meta:
        ordering = ["-created_at", "-id"]


class CensusImport(models.Model):
    class Status(models.TextChoices):
        RUNNING = "running", "Checking the file"
        REFUSED = "refused", "Refused: nothing was imported"
        IMPORTED = "imported", "Imported"

    filename = models.CharField(max_length=200)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RUNNING)
    task = models.OneToOneField("tasks.BackgroundTask", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")
    team = models.ForeignKey("accounts.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    # Each problem: {"la_child_id", "element", "line", "message", "rule"}; problems block the import,
    # warnings (census queries, values Lantern recomputes) do not.
    problems = models.JSONField(default=list)
    warnings = models.JSONField(default=list)
    counts = models.JSONField(default=dict)

    class Meta:
        ordering = ["-uploaded_at", "-id"]


class CensusChild(models.Model):
    """A child's census identity when it is not Lantern's own: the LAchildID of the system the
    child was migrated from (the DfE links years by it), and identifiers Lantern does not record."""

    person = models.OneToOneField("people.Person", primary_key=True, on_delete=models.CASCADE,
                                  related_name="census_identity")
    la_child_id = models.CharField(max_length=20, unique=True)
    former_upn = models.CharField(max_length=13, blank=True)
    upn_unknown = models.CharField(max_length=3, blank=True)
    imported_by = models.ForeignKey(CensusImport, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="children")


class CensusAssessment(models.Model):
    """AssessmentInternalReviewDate of a migrated assessment (Lantern's assessments have no such date)."""

    assessment = models.OneToOneField("assessments.Assessment", primary_key=True, on_delete=models.CASCADE,
                                      related_name="+")
    internal_review_date = models.DateField()


class CensusEnquiry(models.Model):
    """A migrated initial conference that the old system recorded at episode level, with no
    Section 47 record: Lantern holds it under an enquiry of its own (a conference needs one), and
    the census writes it back at episode level."""

    enquiry = models.OneToOneField("protection.Section47Enquiry", primary_key=True, on_delete=models.CASCADE,
                                   related_name="+")
    episode_level_icpc = models.BooleanField(default=True)


class ReportFile(models.Model):
    """A generated report kept for download: an Ofsted Annex A workbook, a partnership compendium
    PDF. Made by a background task; ``parameters`` says what was asked for (the period, say), and
    ``rows`` how many children's rows went into it, for the audit trail and the download page."""

    class Kind(models.TextChoices):
        ANNEX_A = "annex_a", "Ofsted Annex A workbook"
        PARTNERSHIP = "partnership", "Safeguarding partnership data compendium"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    parameters = models.JSONField(default=dict)
    task = models.OneToOneField("tasks.BackgroundTask", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    filename = models.CharField(max_length=200, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    content = models.BinaryField(null=True, editable=False)
    rows = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-id"]

    @property
    def is_ready(self) -> bool:
        return self.finished_at is not None


class DailyCount(models.Model):
    """Rows of another table counted per day and key, kept in step with that table by the
    database's own triggers in the same transaction as each change; what is counted, and why the
    database keeps it, is in ``performance/daily_counts.py``. Never written by the application."""

    source = models.CharField(max_length=40)
    key = models.CharField(max_length=60, blank=True)
    day = models.DateField()
    total = models.IntegerField(default=0)
    count_a = models.IntegerField(default=0)
    count_b = models.IntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["source", "key", "day"], name="daily_count_once")]
