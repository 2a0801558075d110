"""Sending an assessment for authorisation, and a manager's decision: authorise it (the date is the
assessment's completion date, which meets the 45 working day clock) with a recorded rationale and,
when late, the reason; or return it for more work."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils import timezone

from lantern.access.policy import child_for, require_permission
from lantern.assessments.audit_types import ASSESSMENT
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.audit_log.transactions import atomic
from lantern.obligations.engine import obligations_sync
from lantern.obligations.late import require_late_reason
from lantern.referrals.obligations import ASSESSMENT_KIND_FOR_RULE
from lantern.referrals.obligations import SOURCE as EPISODE_SOURCE
from lantern.revisions.services import keep_replaced
from lantern.service_layer.concurrency import ConcurrentEditError

from ..codes import AssessmentKind, AssessmentStatus
from ..models import Assessment
from ..obligations import SOURCE
from ..selectors import assessment_progress
from .sections import TEXT_LABELS

RULE_FOR_KIND = {kind: rule for rule, kind in ASSESSMENT_KIND_FOR_RULE.items()}


def _locked(assessment: Assessment, expected_version: int | None) -> Assessment:
    row = Assessment.objects.select_for_update().select_related("episode").get(pk=assessment.pk)
    if expected_version is not None and row.version != expected_version:
        raise ConcurrentEditError(what="this assessment")
    row.child = assessment.child
    return row


@atomic
def assessment_submit(*, actor, assessment: Assessment, expected_version: int | None = None) -> Assessment:
    require_permission(actor, "assessment.edit")
    child, _ = child_for(actor, assessment.child_id, for_change=True)
    assessment.child = child
    assessment = _locked(assessment, expected_version)
    if not assessment.is_editable:
        raise ValidationError({"__all__": "This assessment has already been sent for authorisation"})
    progress = assessment_progress(assessment)
    missing = [s.title for s, done in progress.states if not done]
    if missing:
        raise ValidationError({"__all__": f"Complete every section first. Still to do: {', '.join(missing)}"})
    Assessment.objects.filter(pk=assessment.pk).update(status=AssessmentStatus.SUBMITTED, submitted_by=actor,
                                                      submitted_on=timezone.localdate(), version=F("version") + 1)
    audit_record(actor=actor, action=Action.UPDATE, object_type=ASSESSMENT, object_id=assessment.pk,
                 child_id=child.pk, changes={"status": [AssessmentStatus.IN_PROGRESS, AssessmentStatus.SUBMITTED]})
    assessment.refresh_from_db()
    return assessment


def _require_late_reason(assessment: Assessment, authorised_on: date, late_reason: str) -> None:
    if assessment.kind == AssessmentKind.CORE:
        require_late_reason(source_key=SOURCE, source_id=assessment.pk, rule_id="core_assessment",
                            met_on=authorised_on, reason=late_reason)
        return
    earlier = assessment.episode.assessments.filter(kind=assessment.kind, authorised_on__isnull=False)
    if not earlier.exists():  # only the first assessment of the episode meets the referral's clock
        require_late_reason(source_key=EPISODE_SOURCE, source_id=assessment.episode_id,
                            rule_id=RULE_FOR_KIND[assessment.kind], met_on=authorised_on, reason=late_reason)


@atomic
def assessment_authorise(*, actor, assessment: Assessment, authorised_on: date, rationale: str,
                         late_reason: str = "", expected_version: int | None = None) -> Assessment:
    require_permission(actor, "assessment.authorise")
    child, _ = child_for(actor, assessment.child_id, for_change=True)
    assessment.child = child
    assessment = _locked(assessment, expected_version)
    errors = {}
    if assessment.status != AssessmentStatus.SUBMITTED:
        errors["__all__"] = "Only an assessment sent for authorisation can be authorised"
    if len(rationale.strip()) < 10:
        errors["rationale"] = "Enter your rationale for authorising this assessment"
    if authorised_on < assessment.started_on:
        errors["authorised_on"] = "The assessment cannot be authorised before it started"
    elif authorised_on > timezone.localdate():
        errors["authorised_on"] = "The authorisation date cannot be in the future"
    elif assessment.episode.closure_date and authorised_on > assessment.episode.closure_date:
        errors["authorised_on"] = "The episode closed before this date"
    if errors:
        raise ValidationError(errors)
    _require_late_reason(assessment, authorised_on, late_reason)
    Assessment.objects.filter(pk=assessment.pk).update(
        status=AssessmentStatus.AUTHORISED, authorised_on=authorised_on, authorised_by=actor,
        authorisation_rationale=rationale.strip(), late_reason=late_reason.strip(), version=F("version") + 1)
    audit_record(actor=actor, action=Action.UPDATE, object_type=ASSESSMENT, object_id=assessment.pk,
                 child_id=child.pk, changes={"status": [AssessmentStatus.SUBMITTED, AssessmentStatus.AUTHORISED],
                                             "authorised_on": [None, authorised_on.isoformat()],
                                             "outcome": [None, assessment.outcome]})
    obligations_sync(EPISODE_SOURCE, [assessment.episode_id])
    obligations_sync(SOURCE, [assessment.pk])
    assessment.refresh_from_db()
    return assessment


@atomic
def assessment_return(*, actor, assessment: Assessment, comments: str,
                      expected_version: int | None = None) -> Assessment:
    """Send the assessment back to the worker with what more is needed (for example, the father)."""
    require_permission(actor, "assessment.authorise")
    child, _ = child_for(actor, assessment.child_id, for_change=True)
    assessment.child = child
    assessment = _locked(assessment, expected_version)
    if assessment.status != AssessmentStatus.SUBMITTED:
        raise ValidationError({"__all__": "Only an assessment sent for authorisation can be returned"})
    if len(comments.strip()) < 10:
        raise ValidationError({"rationale": "Say what more is needed before you can authorise it"})
    Assessment.objects.filter(pk=assessment.pk).update(status=AssessmentStatus.IN_PROGRESS,
                                                      returned_comments=comments.strip(), version=F("version") + 1)
    # A second return replaces the first comments: keep them.
    keep_replaced(actor=actor, record_type="assessment", record_id=assessment.pk, child_id=child.pk,
                  version=assessment.version, before={"returned_comments": assessment.returned_comments},
                  after={"returned_comments": comments.strip()}, labels=TEXT_LABELS)
    audit_record(actor=actor, action=Action.UPDATE, object_type=ASSESSMENT, object_id=assessment.pk,
                 child_id=child.pk, changes={"status": [AssessmentStatus.SUBMITTED, AssessmentStatus.IN_PROGRESS]},
                 detail="returned for more work")
    assessment.refresh_from_db()
    return assessment
