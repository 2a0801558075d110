"""Reading back what is recorded under an enquiry or a plan: section 47 visits, written agreements,
core group members and meetings, child protection visits and members' updates. Each is reached
through its enquiry or plan, so the policy decides exactly as for the enquiry's or plan's page."""

from django.db.models import Prefetch
from ninja import Query

from lantern.access.policy import OutOfReach, require_permission
from lantern.api.paging import DateRange, PageQuery, choice, page_of, paged_query
from lantern.api.schema import Text
from lantern.protection.audit_types import (
    CORE_GROUP,
    CORE_GROUP_MEMBERS,
    CORE_GROUPS,
    CP_PLAN_UPDATES,
    CP_VISIT,
    CP_VISITS,
    S47_VISIT,
    S47_VISITS,
    WRITTEN_AGREEMENT,
    WRITTEN_AGREEMENTS,
)

from .. import schemas as s
from ..codes import AgreementStatus
from ..models import ActionProgress, CoreGroup, CpVisit, EnquiryVisit, PlanUpdate, WrittenAgreement
from ..selectors import enquiry_for, plan_for
from .router import router
from .shapes import audited, core_group_out

CORE_GROUP_ROWS = CoreGroup.objects.prefetch_related(
    "attendees", Prefetch("progress", queryset=ActionProgress.objects.order_by("pk")))


def _one(queryset, pk: int, what: str):
    record = queryset.filter(pk=pk).first()
    if record is None:
        raise OutOfReach(f"No {what} you can see has that ID")
    return record


def _plan_for_visits(request, cp_plan_id: int):
    """Child protection visits are social care's casework: partners in the core group do not read them,
    as on the plan's page."""
    require_permission(request.auth, "protection.casework")
    return plan_for(request.auth, cp_plan_id)


@router.get("/enquiries/{enquiry_id}/enquiry-visits", response=page_of(s.EnquiryVisitOut),
            summary="A section 47 enquiry's visits", description="Latest first; from= and to= on the visit date.")
def enquiry_visit_list(request, enquiry_id: int, paging: Query[PageQuery], dates: Query[DateRange]):
    enquiry = audited(request, enquiry_for(request.auth, enquiry_id), S47_VISITS)
    rows = dates.apply(EnquiryVisit.objects.filter(enquiry=enquiry), "visit_date")
    return paged_query(rows, paging, order=("-visit_date", "-pk")).out()


@router.get("/enquiry-visits/{enquiry_visit_id}", response=s.EnquiryVisitOut, summary="A section 47 visit",
            description="Who visited, when (and whether out of hours), whether the child was seen and seen alone.")
def enquiry_visit_detail(request, enquiry_visit_id: int):
    visit = _one(EnquiryVisit.objects.all(), enquiry_visit_id, "visit")
    audited(request, enquiry_for(request.auth, visit.enquiry_id), S47_VISIT, object_id=visit.pk)
    return visit


@router.get("/enquiries/{enquiry_id}/written-agreements", response=page_of(s.WrittenAgreementOut),
            summary="An enquiry's written agreements",
            description=f"Latest proposed first; status= one of {', '.join(AgreementStatus.values)}.")
def agreement_list(request, enquiry_id: int, paging: Query[PageQuery], status: Text | None = None):
    enquiry = audited(request, enquiry_for(request.auth, enquiry_id), WRITTEN_AGREEMENTS)
    rows = WrittenAgreement.objects.filter(enquiry=enquiry)
    if choice("status", status, AgreementStatus.values):
        rows = rows.filter(status=status)
    return paged_query(rows, paging, order=("-proposed_at", "-pk")).out()


@router.get("/written-agreements/{written_agreement_id}", response=s.WrittenAgreementOut,
            summary="A written agreement", description="What the family agreed, who checks it, and the decision.")
def agreement_detail(request, written_agreement_id: int):
    agreement = _one(WrittenAgreement.objects.all(), written_agreement_id, "written agreement")
    audited(request, enquiry_for(request.auth, agreement.enquiry_id), WRITTEN_AGREEMENT, object_id=agreement.pk)
    return agreement


@router.get("/cp-plans/{cp_plan_id}/members", response=page_of(s.CoreGroupMemberOut),
            summary="A plan's core group members", description="Latest joined first, those who left included.")
def member_list(request, cp_plan_id: int, paging: Query[PageQuery]):
    plan = audited(request, plan_for(request.auth, cp_plan_id), CORE_GROUP_MEMBERS)
    return paged_query(plan.members.all(), paging, order=("-joined_on", "-pk")).out()


@router.get("/cp-plans/{cp_plan_id}/core-groups", response=page_of(s.CoreGroupOut), summary="A plan's core groups",
            description="Latest first, each with who attended and the progress on each action; from= and to= on the "
                        "day held.")
def core_group_list(request, cp_plan_id: int, paging: Query[PageQuery], dates: Query[DateRange]):
    plan = audited(request, plan_for(request.auth, cp_plan_id), CORE_GROUPS)
    rows = dates.apply(CORE_GROUP_ROWS.filter(plan=plan), "held_on")
    return paged_query(rows, paging, order=("-held_on", "-pk")).out(core_group_out)


@router.get("/core-groups/{core_group_id}", response=s.CoreGroupOut, summary="A core group meeting",
            description="Partners: only for a plan whose core group they are in.")
def core_group_detail(request, core_group_id: int):
    meeting = _one(CORE_GROUP_ROWS, core_group_id, "core group")
    audited(request, plan_for(request.auth, meeting.plan_id), CORE_GROUP, object_id=meeting.pk)
    return core_group_out(meeting)


@router.get("/cp-plans/{cp_plan_id}/cp-visits", response=page_of(s.CpVisitOut),
            summary="A plan's child protection visits",
            description="Latest first; from= and to= on the visit date. Not shared with partners.")
def cp_visit_list(request, cp_plan_id: int, paging: Query[PageQuery], dates: Query[DateRange]):
    plan = audited(request, _plan_for_visits(request, cp_plan_id), CP_VISITS)
    rows = dates.apply(CpVisit.objects.filter(plan=plan), "visit_date")
    return paged_query(rows, paging, order=("-visit_date", "-pk")).out()


@router.get("/cp-visits/{cp_visit_id}", response=s.CpVisitOut, summary="A child protection visit",
            description="Whether the child was seen, seen alone and their bedroom seen, and their words.")
def cp_visit_detail(request, cp_visit_id: int):
    visit = _one(CpVisit.objects.all(), cp_visit_id, "visit")
    audited(request, _plan_for_visits(request, visit.plan_id), CP_VISIT, object_id=visit.pk)
    return visit


@router.get("/cp-plans/{cp_plan_id}/updates", response=page_of(s.PlanUpdateOut),
            summary="Core group members' updates on a plan", description="Latest first; from= and to= on the day "
                                                                         "written.")
def update_list(request, cp_plan_id: int, paging: Query[PageQuery], dates: Query[DateRange]):
    plan = audited(request, plan_for(request.auth, cp_plan_id), CP_PLAN_UPDATES)
    rows = dates.apply(PlanUpdate.objects.filter(plan=plan), "written_on")
    return paged_query(rows, paging, order=("-written_on", "-pk")).out()
