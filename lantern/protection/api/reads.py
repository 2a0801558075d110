"""Reading child protection records: each read is authorised by the policy and audited."""

from lantern.access.policy import child_for, require_permission
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.protection.audit_types import CHILD_PROTECTION, CP_CONFERENCE, CP_PLAN, S47_ENQUIRY, STRATEGY_DISCUSSION

from ..schemas import ChildProtectionOut, ConferenceOut, CpPlanOut, EnquiryOut, StrategyOut
from ..selectors import child_protection, conference_for, enquiry_for, plan_for, strategy_for
from .router import router
from .shapes import audited, conference_out, enquiry_out, plan_out, strategy_out


@router.get("/children/{child_id}/protection", response=ChildProtectionOut,
            summary="A child's strategy discussions, enquiries, conferences and plans",
            description="The ids of each kind, newest first, to read each at its own endpoint. Partners see only "
                        "the conferences their agency was invited to and the plans whose core group they are in.")
def child_records(request, child_id: int):
    require_permission(request.auth, "protection.view")
    child, decision = child_for(request.auth, child_id)
    records = child_protection(request.auth, child)
    audit_record(actor=request.auth, action=Action.VIEW, object_type=CHILD_PROTECTION, object_id=child.pk,
                 child_id=child.pk, detail=f"api; basis: {decision.basis}")
    return {"strategy_discussions": [d.pk for d in records["discussions"]],
            "enquiries": [e.pk for e in records["enquiries"]],
            "conferences": [c.pk for c in records["conferences"]], "plans": [p.pk for p in records["plans"]]}


@router.get("/strategy-discussions/{strategy_discussion_id}", response=StrategyOut, summary="A strategy discussion",
            description="Who took part and what each shared, the decision, and the enquiry it started.")
def strategy_detail(request, strategy_discussion_id: int):
    return strategy_out(audited(request, strategy_for(request.auth, strategy_discussion_id), STRATEGY_DISCUSSION))


@router.get("/enquiries/{enquiry_id}", response=EnquiryOut, summary="A section 47 enquiry",
            description="Its lead, when the child was seen, the assessment of risk (with its earlier text) and the "
                        "outcome, with the initial conference's target date from the statutory clock.")
def enquiry_detail(request, enquiry_id: int):
    return enquiry_out(audited(request, enquiry_for(request.auth, enquiry_id), S47_ENQUIRY))


@router.get("/conferences/{conference_id}", response=ConferenceOut, summary="A child protection conference",
            description="Partners: only if their agency was invited.")
def conference_detail(request, conference_id: int):
    return conference_out(audited(request, conference_for(request.auth, conference_id), CP_CONFERENCE))


@router.get("/cp-plans/{cp_plan_id}", response=CpPlanOut, summary="A child protection plan",
            description="Partners: only if they are in its core group.")
def plan_detail(request, cp_plan_id: int):
    return plan_out(audited(request, plan_for(request.auth, cp_plan_id), CP_PLAN))
