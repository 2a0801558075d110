"""API for assessments, through the same services, policy and audit trail as the pages."""

from django.core.exceptions import ValidationError
from ninja import Query, Router

from lantern.api.paging import PageQuery, choice, page_of, paged_query
from lantern.api.schema import Text
from lantern.assessments.audit_types import ASSESSMENT, ASSESSMENTS
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.referrals.selectors import episode_for
from lantern.revisions.schemas import revisions_out
from lantern.revisions.selectors import earlier_versions

from . import schemas as s
from .codes import AssessmentStatus
from .models import Assessment
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
STATUSES = ", ".join(AssessmentStatus.values)


def _out(assessment) -> dict:
    progress = assessment_progress(assessment)
    values = {name: getattr(assessment, name) for name in s.AssessmentOut.model_fields
              if hasattr(assessment, name) and name not in ("factors", "engagements", "sections")}
    return {**values, "factors": progress.factor_codes,
            "earlier_versions": revisions_out(earlier_versions("assessment", assessment.pk)),
            "engagements": list(progress.engagements.values()),
            "sections": [{"key": sec.key, "title": sec.title, "complete": done} for sec, done in progress.states]}


@router.post("/episodes/{episode_id}/assessments", response={201: s.AssessmentOut}, summary="Start an assessment",
             description="A single assessment (or, for referrals before 15 April 2013, an initial or core one); a "
                         "second one in an episode needs a reason.")
def assessment_create(request, episode_id: int, payload: s.StartIn):
    episode, _ = episode_for(request.auth, episode_id, permission="assessment.edit", for_change=True)
    assessment = assessment_start(actor=request.auth, episode=episode, **payload.dict())
    assessment.child = episode.child
    return 201, _out(assessment)


@router.get("/episodes/{episode_id}/assessments", response=page_of(s.AssessmentSummaryOut),
            summary="An episode's assessments",
            description=f"Latest started first, each in summary (read one for every answer); status= one of "
                        f"{STATUSES}.")
def assessment_list(request, episode_id: int, paging: Query[PageQuery], status: Text | None = None):
    episode, decision = episode_for(request.auth, episode_id)
    audit_record(actor=request.auth, action=Action.VIEW, object_type=ASSESSMENTS, object_id=episode.pk,
                 child_id=episode.child_id, detail=f"api; basis: {decision.basis}")
    rows = Assessment.objects.filter(episode=episode)
    if choice("status", status, AssessmentStatus.values):
        rows = rows.filter(status=status)
    return paged_query(rows, paging, order=("-started_on", "-pk")).out()


@router.get("/assessments/{assessment_id}", response=s.AssessmentOut, summary="An assessment, with every answer",
            description="Each section's answers and whether it is complete, the factors, each parent's and carer's "
                        "part, the authorisation, and the earlier text of any answer.")
def assessment_detail(request, assessment_id: int):
    assessment, decision = assessment_for(request.auth, assessment_id)
    audit_record(actor=request.auth, action=Action.VIEW, object_type=ASSESSMENT, object_id=assessment.pk,
                 child_id=assessment.child_id, detail=f"api; basis: {decision.basis}")
    return _out(assessment)


@router.put("/assessments/{assessment_id}/sections/{section}", response=s.AssessmentOut,
            summary="Save one section",
            description="section is one of the assessment's sections (seen, views, identity, family, history, "
                        "analysis, factors, outcome). Refused with 409 if someone saved since the version you read.")
def assessment_section(request, assessment_id: int, section: Text, payload: s.SectionIn):
    if section not in SECTION_BY_KEY:
        raise ValidationError({"section": f"Unknown section {section!r}"})
    assessment, _ = assessment_for(request.auth, assessment_id, permission="assessment.edit", for_change=True)
    data = payload.dict()
    saved = assessment_section_save(actor=request.auth, assessment=assessment, section=section,
                                    expected_version=data.pop("version"), data=data)
    return _out(saved)


@router.post("/assessments/{assessment_id}/submit", response=s.AssessmentOut, summary="Send for authorisation",
             description="Once every section is complete; the assessment can no longer be changed. 409 if stale.")
def assessment_send(request, assessment_id: int, payload: s.VersionIn):
    assessment, _ = assessment_for(request.auth, assessment_id, permission="assessment.edit", for_change=True)
    saved = assessment_submit(actor=request.auth, assessment=assessment, expected_version=payload.version)
    saved.child = assessment.child
    return _out(saved)


@router.post("/assessments/{assessment_id}/authorisation", response=s.AssessmentOut,
             summary="A manager authorises the assessment, or returns it for more work",
             description="authorise=true with the date and reasons (late needs a late_reason), or false with what "
                         "needs more work. 409 if stale.")
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
