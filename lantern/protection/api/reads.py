"""Reading child protection records: each read is authorised by the policy and audited."""

from lantern.access.policy import child_for, require_permission
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record

from ..schemas import ChildProtectionOut, ConferenceOut, CpPlanOut, EnquiryOut, StrategyOut
from ..selectors import child_protection, conference_for, enquiry_for, plan_for, strategy_for
from .router import router
from .shapes import conference_out, enquiry_out, plan_out, strategy_out


def _audited(request, record, decision, object_type: str):
    audit_record(actor=request.auth, action=Action.VIEW, object_type=object_type, object_id=record.pk,
                 child_id=record.child_id, detail=f"api; basis: {decision.basis}")
    return record


@router.get("/children/{child_id}/protection", response=ChildProtectionOut,
            summary="A child's strategy discussions, enquiries, conferences and plans (ids)")
def child_records(request, child_id: int):
    require_permission(request.auth, "protection.view")
    child, decision = child_for(request.auth, child_id)
    records = child_protection(request.auth, child)
    audit_record(actor=request.auth, action=Action.VIEW, object_type="child_protection", object_id=child.pk,
                 child_id=child.pk, detail=f"api; basis: {decision.basis}")
    return {"strategy_discussions": [d.pk for d in records["discussions"]],
            "enquiries": [e.pk for e in records["enquiries"]],
            "conferences": [c.pk for c in records["conferences"]], "plans": [p.pk for p in records["plans"]]}


@router.get("/strategy-discussions/{record_id}", response=StrategyOut, summary="A strategy discussion")
def strategy_detail(request, record_id: int):
    return strategy_out(_audited(request, *strategy_for(request.auth, record_id), "strategy_discussion"))


@router.get("/enquiries/{record_id}", response=EnquiryOut, summary="A section 47 enquiry")
def enquiry_detail(request, record_id: int):
    return enquiry_out(_audited(request, *enquiry_for(request.auth, record_id), "s47_enquiry"))


@router.get("/conferences/{record_id}", response=ConferenceOut,
            summary="A child protection conference (partners: only if their agency was invited)")
def conference_detail(request, record_id: int):
    return conference_out(_audited(request, *conference_for(request.auth, record_id), "cp_conference"))


@router.get("/cp-plans/{record_id}", response=CpPlanOut,
            summary="A child protection plan (partners: only if they are in its core group)")
def plan_detail(request, record_id: int):
    return plan_out(_audited(request, *plan_for(request.auth, record_id), "cp_plan"))
