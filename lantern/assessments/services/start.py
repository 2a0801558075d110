"""Starting an assessment from a referral. One assessment per episode is the rule: a transfer
between teams carries the assessment over, so a second one needs a reason of its own."""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone

from lantern.access.policy import child_for, require_permission
from lantern.assessments.audit_types import ASSESSMENT
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.audit_log.transactions import atomic
from lantern.obligations.engine import obligations_sync
from lantern.timescales.catalogue import SINGLE_ASSESSMENT_FROM

from ..codes import AssessmentKind, AssessmentStatus
from ..models import Assessment
from ..obligations import SOURCE

LEGACY_KINDS = (AssessmentKind.INITIAL, AssessmentKind.CORE)


def default_kind(episode) -> str:
    return AssessmentKind.SINGLE if episode.referral_date >= SINGLE_ASSESSMENT_FROM else AssessmentKind.INITIAL


def _start_errors(episode, started_on: date, kind: str, reassessment_reason: str) -> dict[str, str]:
    errors = {}
    if not episode.is_open:
        errors["__all__"] = "This episode is closed"
    elif episode.referral_nfa:
        errors["__all__"] = "A referral with no further action has no assessment (census rule 8831)"
    if started_on < episode.referral_date:
        errors["started_on"] = "The assessment cannot start before the referral date (census rule 1103)"
    elif started_on > timezone.localdate():
        errors["started_on"] = "The start date cannot be in the future"
    legacy = episode.referral_date < SINGLE_ASSESSMENT_FROM
    if kind not in AssessmentKind.values or (kind in LEGACY_KINDS) != legacy:
        errors["kind"] = ("Initial and core assessments are only for referrals before 15 April 2013" if not legacy
                          else "Referrals before 15 April 2013 had initial and core assessments")
    existing = list(episode.assessments.all())
    if any(a.status != AssessmentStatus.AUTHORISED for a in existing):
        errors["__all__"] = "This episode already has an assessment in progress: carry on with it"
    elif any(a.kind == kind for a in existing) and len(reassessment_reason.strip()) < 20:
        errors["reassessment_reason"] = ("This episode already has an authorised assessment. Say what has changed "
                                         "that needs a new one (a change of team is not a reason)")
    return errors


@atomic
def assessment_start(*, actor, episode, started_on: date, kind: str = "", reassessment_reason: str = "") -> Assessment:
    require_permission(actor, "assessment.edit")
    child, _ = child_for(actor, episode.child_id, for_change=True)
    kind = kind or default_kind(episode)
    errors = _start_errors(episode, started_on, kind, reassessment_reason)
    if errors:
        raise ValidationError(errors)
    assessment = Assessment.objects.create(episode=episode, child=child, kind=kind, started_on=started_on,
                                           reassessment_reason=reassessment_reason.strip(), created_by=actor)
    audit_record(actor=actor, action=Action.CREATE, object_type=ASSESSMENT, object_id=assessment.pk,
                 child_id=child.pk, changes={"episode": [None, episode.pk], "kind": [None, kind],
                                             "started_on": [None, started_on.isoformat()]})
    obligations_sync(SOURCE, [assessment.pk])
    return assessment
