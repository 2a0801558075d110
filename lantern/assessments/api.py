"""API for assessments, through the same services, policy and audit trail as the pages."""

from django.core.exceptions import ValidationError
from ninja import Router

from lantern.api.schema import Text
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.referrals.selectors import episode_for
from lantern.revisions.schemas import revisions_out
from lantern.revisions.selectors import earlier_versions

from . import schemas as s
from .sections import SECTION_BY_KEY
from .selectors import assessment_for, assessment_progress
from .services import (
    assessment_authorise,
    assessment_return,
    assessment_section_save,
    assessment_start,
    assessment_submit,
)

router = Router(tags=["Child and family assessments"])


def _out(assessment) -> dict:
    progress = assessment_progress(assessment)
    values = {name: getattr(assessment, name) for name in s.AssessmentOut.model_fields
              if hasattr(assessment, name) and name not in ("factors", "engagements", "sections")}
    return {**values, "factors": progress.factor_codes,
            "earlier_versions": revisions_out(earlier_versions("assessment", assessment.pk)),
            "engagements": list(progress.engagements.values()),
            "sections": [{"key": sec.key, "title": sec.title, "complete": done} for sec, done in progress.states]}


@router.post("/episodes/{episode_id}/assessments", response={201: s.AssessmentOut}, summary="Start an assessment")
def assessment_create(request, episode_id: int, payload: s.StartIn):
    episode, _ = episode_for(request.auth, episode_id, permission="assessment.edit", for_change=True)
    assessment = assessment_start(actor=request.auth, episode=episode, **payload.dict())
    assessment.child = episode.child
    return 201, _out(assessment)


@router.get("/assessments/{assessment_id}", response=s.AssessmentOut, summary="An assessment, with every answer")
def assessment_detail(request, assessment_id: int):
    assessment, decision = assessment_for(request.auth, assessment_id)
    audit_record(actor=request.auth, action=Action.VIEW, object_type="assessment", object_id=assessment.pk,
                 child_id=assessment.child_id, detail=f"api; basis: {decision.basis}")
    return _out(assessment)


@router.put("/assessments/{assessment_id}/sections/{section}", response=s.AssessmentOut,
            summary="Save one section", description="Refused with 409 if someone saved since the version you read.")
def assessment_section(request, assessment_id: int, section: Text, payload: s.SectionIn):
    if section not in SECTION_BY_KEY:
        raise ValidationError({"section": f"Unknown section {section!r}"})
    assessment, _ = assessment_for(request.auth, assessment_id, permission="assessment.edit", for_change=True)
    data = payload.dict()
    data["engagements"] = {e["person_id"]: e for e in data["engagements"]}
    saved = assessment_section_save(actor=request.auth, assessment=assessment, section=section,
                                    expected_version=data.pop("version"), data=data)
    return _out(saved)


@router.post("/assessments/{assessment_id}/submit", response=s.AssessmentOut, summary="Send for authorisation")
def assessment_send(request, assessment_id: int, payload: s.VersionIn):
    assessment, _ = assessment_for(request.auth, assessment_id, permission="assessment.edit", for_change=True)
    saved = assessment_submit(actor=request.auth, assessment=assessment, expected_version=payload.version)
    saved.child = assessment.child
    return _out(saved)


@router.post("/assessments/{assessment_id}/authorisation", response=s.AssessmentOut,
             summary="A manager authorises the assessment, or returns it for more work")
def assessment_decision(request, assessment_id: int, payload: s.AuthorisationIn):
    assessment, _ = assessment_for(request.auth, assessment_id, permission="assessment.authorise", for_change=True)
    if payload.authorise:
        if payload.authorised_on is None:
            raise ValidationError({"authorised_on": "Enter the date of authorisation"})
        saved = assessment_authorise(actor=request.auth, assessment=assessment, authorised_on=payload.authorised_on,
                                     rationale=payload.rationale, late_reason=payload.late_reason,
                                     expected_version=payload.version)
    else:
        saved = assessment_return(actor=request.auth, assessment=assessment, comments=payload.rationale,
                                  expected_version=payload.version)
    saved.child = assessment.child
    return _out(saved)
