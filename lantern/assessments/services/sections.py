"""Saving one section of an assessment. Each section is validated whole (its questions answered),
and a save made on a version someone else has since changed is refused."""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils import timezone

from lantern.access.policy import child_for, require_permission
from lantern.assessments.audit_types import ASSESSMENT
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.audit_log.transactions import atomic
from lantern.revisions.services import keep_replaced, text_at_version
from lantern.service_layer.concurrency import ConcurrentEditError

from ..codes import AssessmentOutcome, factor_errors
from ..models import Assessment, AssessmentFactor, ParentCarerEngagement
from ..sections import SECTION_BY_KEY
from ..selectors import parents_and_carers


def _text(data, name: str, message: str, errors: dict) -> str:
    value = str(data.get(name) or "").strip()
    if not value:
        errors[name] = message
    return value


def _seen(assessment, data, errors) -> dict:
    seen_on, alone = data.get("child_seen_on"), data.get("seen_alone")
    reason = str(data.get("not_seen_alone_reason") or "").strip()
    if seen_on is None and not assessment.child.is_unborn:
        errors["child_seen_on"] = "Enter the date the child was seen"
    elif seen_on and (seen_on < assessment.episode.referral_date or seen_on > timezone.localdate()):
        errors["child_seen_on"] = "The date the child was seen must be between the referral and today"
    if seen_on and alone is None:
        errors["seen_alone"] = "Select whether the child was seen alone"
    if (alone is False or (seen_on is None and assessment.child.is_unborn)) and not reason:
        errors["not_seen_alone_reason"] = "Say why the child was not seen alone"
    return {"child_seen_on": seen_on, "seen_alone": alone if seen_on else None,
            "not_seen_alone_reason": "" if alone else reason}


def _fields(assessment, section: str, data: Mapping[str, Any], errors: dict) -> dict:
    if section == "seen":
        return _seen(assessment, data, errors)
    if section == "views":
        return {"child_views": _text(data, "child_views", "Enter the child's views, wishes and feelings", errors)}
    if section == "identity":
        return {"identity_needs": _text(data, "identity_needs", "Say how the child's identity shapes their needs",
                                        errors)}
    if section == "history":
        return {"history_considered": _text(data, "history_considered", "Say what the history shows", errors)}
    if section == "analysis":
        return {"risks": _text(data, "risks", "Enter the risks to the child", errors),
                "protective_factors": _text(data, "protective_factors", "Enter the strengths and protective factors",
                                            errors),
                "analysis": _text(data, "analysis", "Enter your analysis: what the information means for the child",
                                  errors)}
    if section == "outcome":
        outcome = data.get("outcome") or ""
        if outcome not in AssessmentOutcome.values:
            errors["outcome"] = "Select the outcome of the assessment"
        return {"outcome": outcome,
                "outcome_reasons": _text(data, "outcome_reasons", "Say why this is the right outcome", errors)}
    if section == "family":
        return {"parents_note": str(data.get("parents_note") or "").strip()}
    return {}


def _engagements(assessment, data, errors) -> list[ParentCarerEngagement]:
    parents = parents_and_carers(assessment.child)
    given = data.get("engagements") or {}
    known = {r.relative_id for r in parents}
    ids = {int(k) for k in given if str(k).isdigit()}
    if len(ids) != len(given) or ids - known:
        errors["engagements"] = "Only the child's recorded parents and carers can be answered for"
    rows = []
    for r in parents:
        answer = given.get(r.relative_id) or given.get(str(r.relative_id)) or {}
        engaged, note = answer.get("engaged"), str(answer.get("note") or "").strip()
        if engaged is None:
            errors[f"engagements.{r.relative_id}.engaged"] = f"Select whether {r.relative.full_name} took part"
        elif engaged is False and not note:
            errors[f"engagements.{r.relative_id}.note"] = f"Say why {r.relative.full_name} did not take part"
        rows.append(ParentCarerEngagement(assessment=assessment, person_id=r.relative_id, note=note,
                                          relationship_type=r.relationship_type, is_male_carer=r.is_male_carer,
                                          engaged=bool(engaged)))
    if not parents and not str(data.get("parents_note") or "").strip():
        errors["parents_note"] = "No parent or carer is recorded: add them to the child's record, or say why not"
    return rows


TEXT_LABELS = {"not_seen_alone_reason": "Why the child was not seen alone", "child_views": "The child's views",
               "identity_needs": "Identity and needs", "history_considered": "History",
               "risks": "Risks", "protective_factors": "Strengths and protective factors", "analysis": "Analysis",
               "outcome_reasons": "Why this is the right outcome", "parents_note": "About the parents and carers",
               "returned_comments": "A manager's comments on returning it"}


def _engagement_notes(rows) -> dict[str, str]:
    # A parent's note lives on a row that each save replaces; it is kept under the parent's id.
    return {f"engagement_note_{r.person_id}": r.note for r in rows}


def _labels(child) -> dict[str, str]:
    names = {r.relative_id: r.relative.full_name for r in parents_and_carers(child)}
    return {**TEXT_LABELS, **{f"engagement_note_{pk}": f"How {name} took part, or why not"
                              for pk, name in names.items()}}


@atomic
def assessment_section_save(*, actor, assessment: Assessment, section: str, expected_version: int,
                            data: Mapping[str, Any]) -> Assessment:
    require_permission(actor, "assessment.edit")
    child, _ = child_for(actor, assessment.child_id, for_change=True)
    assessment.child = child
    if section not in SECTION_BY_KEY:
        raise ValidationError({"__all__": f"Unknown section {section!r}"})
    if not assessment.is_editable:
        raise ValidationError({"__all__": "This assessment has been sent for authorisation and cannot be changed"})
    errors: dict[str, str] = {}
    values = _fields(assessment, section, data, errors)
    rows = _engagements(assessment, data, errors) if section == "family" else []
    codes = list(data.get("factors") or []) if section == "factors" else []
    if section == "factors":
        problems = factor_errors(codes, assessment.started_on) or ([] if codes else ["Select at least one factor, "
                                                                                    "or 'No factors identified'"])
        if problems:
            errors["factors"] = " ".join(problems)
    if errors:
        raise ValidationError(errors)
    texts = tuple(name for name, value in values.items() if isinstance(value, str) and name != "outcome")
    before = text_at_version(Assessment, assessment.pk, expected_version, texts, what="this assessment")
    updated = Assessment.objects.filter(pk=assessment.pk, version=expected_version).update(
        **values, version=F("version") + 1, updated_at=timezone.now())
    if not updated:
        raise ConcurrentEditError(what="this assessment")
    after = {name: values[name] for name in texts}
    if section == "family":
        before.update(_engagement_notes(ParentCarerEngagement.objects.filter(assessment=assessment)))
        after.update(_engagement_notes(rows))
        ParentCarerEngagement.objects.filter(assessment=assessment).delete()
        ParentCarerEngagement.objects.bulk_create(rows)
    if section == "factors":
        AssessmentFactor.objects.filter(assessment=assessment).delete()
        AssessmentFactor.objects.bulk_create(AssessmentFactor(assessment=assessment, code=c) for c in codes)
    keep_replaced(actor=actor, record_type="assessment", record_id=assessment.pk, child_id=child.pk,
                  version=expected_version, before=before, after=after,
                  labels=_labels(child) if section == "family" else TEXT_LABELS)
    changes: dict[str, object] = {name: str(value) if value is not None else None for name, value in values.items()
               if name in ("child_seen_on", "seen_alone", "outcome")}
    if section == "factors":
        changes["factors"] = codes
    if section == "family":
        changes["engaged"] = {str(r.person_id): r.engaged for r in rows}
    audit_record(actor=actor, action=Action.UPDATE, object_type=ASSESSMENT, object_id=assessment.pk,
                 child_id=child.pk, changes=changes, detail=f"section: {section}")
    assessment.refresh_from_db()
    assessment.child = child
    return assessment
