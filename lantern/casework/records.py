"""The abstract models the parts' own tables are built on (see the package's docstring)."""

from django.conf import settings
from django.db import models


class Progress(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    ON_TRACK = "on_track", "Under way, on track"
    OFF_TRACK = "off_track", "Under way, not on track"
    ACHIEVED = "achieved", "Achieved"
    NOT_ACHIEVED = "not_achieved", "Not achieved"


# Progress that must say why (a plan must not drift without anyone writing down what went wrong).
NEEDS_A_NOTE = (Progress.OFF_TRACK, Progress.NOT_ACHIEVED)


class PlanActionRecord(models.Model):
    """What will be done, by whom (a named person or agency), by when, and how we will know it
    worked. The concrete model adds ``plan``."""

    what = models.TextField()
    owner = models.CharField("Who", max_length=160)
    due_date = models.DateField("By when")
    success_measure = models.TextField("How we will know it worked")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["due_date", "id"]


class ActionProgressRecord(models.Model):
    """Progress on one action, recorded where the plan was reviewed. The concrete model adds
    ``action`` and where the progress was recorded."""

    status = models.CharField(max_length=20, choices=Progress.choices)
    note = models.TextField(blank=True)

    class Meta:
        abstract = True


class VisitRecord(models.Model):
    """A statutory visit: whether the child was seen, and seen alone, with the reasons when not, what
    the child said and what the worker saw. The concrete model adds what the visit belongs to."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    visit_date = models.DateField()
    child_seen = models.BooleanField()
    not_seen_reason = models.TextField(blank=True)
    seen_alone = models.BooleanField(null=True, blank=True)
    not_seen_alone_reason = models.TextField(blank=True)
    # Asked on child protection visits; empty for kinds that do not ask it.
    bedroom_seen = models.BooleanField(null=True, blank=True)
    child_words = models.TextField("What the child said, in their words", blank=True)
    observations = models.TextField("What you saw and did")
    late_reason = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["-visit_date", "-id"]


def progress_rows(actions, progress, errors: dict, model) -> list:
    """Unsaved ``model`` rows (the part's own progress model) for every action of a plan, from
    ``progress`` (keyed by action id: ``{"status": ..., "note": ...}``); what is missing or needs a
    note is added to ``errors``."""
    rows = []
    for action in actions:
        answer = progress.get(action.pk) or progress.get(str(action.pk)) or {}
        status, note = answer.get("status") or "", str(answer.get("note") or "").strip()
        if status not in Progress.values:
            errors[f"progress.{action.pk}.status"] = f"Select the progress on '{action.what[:60]}'"
        elif status in NEEDS_A_NOTE and not note:
            errors[f"progress.{action.pk}.note"] = f"Say what is getting in the way of '{action.what[:60]}'"
        rows.append(model(action=action, status=status, note=note))
    return rows


def plan_action_errors(data, earliest, *, prefix: str = "", measure: bool = True,
                       earliest_label: str = "the plan starts") -> dict[str, str]:
    """An action says what, who, by when (and, in a plan, how we will know it worked): refused
    without an owner or a date, or due before ``earliest``. Keys are prefixed as the API nests them
    (``actions.0.``)."""
    from lantern.service_layer.errors import required_text

    errors: dict[str, str] = {}
    required_text(data.get("what"), f"{prefix}what", "Say what will be done", errors)
    required_text(data.get("owner"), f"{prefix}owner",
                  "An action must have an owner: name the person or agency who will do it", errors)
    if measure:
        required_text(data.get("success_measure"), f"{prefix}success_measure",
                      "Say how we will know the action worked", errors)
    due = data.get("due_date")
    if not due:
        errors[f"{prefix}due_date"] = "An action must have a date by which it will be done"
    elif due < earliest:
        errors[f"{prefix}due_date"] = f"An action cannot be due before {earliest_label} ({earliest:%-d %B %Y})"
    return errors
