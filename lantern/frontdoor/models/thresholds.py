"""The authority's threshold framework and front door settings: data an authority changes,
not code. Partners see the same descriptors and examples the screeners decide against."""

from django.conf import settings
from django.db import models

from ..codes import Outcome


class ThresholdLevel(models.Model):
    """One level of need, e.g. universal, early help, child in need, child protection."""

    name = models.CharField(max_length=80, unique=True)
    order = models.PositiveSmallIntegerField(help_text="Lower numbers are lower levels of need")
    descriptor = models.TextField(help_text="What this level means, in a sentence or two")
    examples = models.TextField(blank=True, help_text="One example per line")
    # Which decisions fit this level: choosing "child in need" and then closing the contact with
    # no further action is refused, so a contact cannot quietly stop short of an assessment.
    allowed_outcomes = models.JSONField(default=list)
    is_active = models.BooleanField(default=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def example_list(self) -> list[str]:
        return [line.strip() for line in self.examples.splitlines() if line.strip()]

    def allows(self, outcome: str) -> bool:
        return outcome in self.allowed_outcomes

    @property
    def allowed_outcome_labels(self) -> list[str]:
        return [Outcome(o).label for o in self.allowed_outcomes if o in Outcome.values]


# Closing or stepping down without children's social care is where the inspection found contacts
# that should have gone to assessment, so a manager looks at those by default.
DEFAULT_AUTHORISATION = [Outcome.NFA.value, Outcome.ADVICE.value, Outcome.EARLY_HELP.value, Outcome.TRANSFER.value]


class FrontDoorSettings(models.Model):
    """One row: which decisions need a manager's authorisation before they take effect."""

    authorisation_required_for = models.JSONField(default=list)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    changed_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    @classmethod
    def current(cls) -> "FrontDoorSettings":
        found = cls.objects.filter(pk=1).first()
        return found or cls(pk=1, authorisation_required_for=list(DEFAULT_AUTHORISATION))

    def needs_authorisation(self, outcome: str) -> bool:
        return outcome in self.authorisation_required_for
