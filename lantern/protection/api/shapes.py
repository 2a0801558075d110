"""Turning records into the API's shapes (each read is one fetch plus its prefetched rows)."""

from django.utils import timezone

from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.obligations.models import Obligation
from lantern.revisions.schemas import revisions_out
from lantern.revisions.selectors import earlier_versions, earlier_versions_of

from ..obligations import ENQUIRY_SOURCE
from ..readiness import readiness_for
from ..schemas import ConferenceOut, CpPlanOut, EnquiryOut, InvitationOut, StrategyOut

FIXED = ("invitations", "warnings", "earlier_versions")


def audited(request, found: tuple, object_type: str, object_id=None):
    """The record of a selector's (record, decision), once its read is in the audit trail
    (``object_id``: when not the record's own)."""
    record, decision = found
    audit_record(actor=request.auth, action=Action.VIEW, object_type=object_type,
                 object_id=record.pk if object_id is None else object_id, child_id=record.child_id,
                 detail=f"api; basis: {decision.basis}")
    return record


def strategy_out(d) -> dict:
    enquiry = getattr(d, "enquiry", None) if d.starts_enquiry else None
    return {**{f: getattr(d, f) for f in StrategyOut.model_fields if f not in ("participants", "enquiry_id")},
            "participants": list(d.participants.all()), "enquiry_id": enquiry.pk if enquiry else None}


def enquiry_out(e) -> dict:
    target = Obligation.objects.filter(source_type=ENQUIRY_SOURCE, source_id=e.pk, rule_id="initial_cp_conference",
                                       occurrence=1).values_list("due_date", flat=True).first()
    return {**{f: getattr(e, f) for f in EnquiryOut.model_fields if f not in ("icpc_target", "earlier_versions")},
            "icpc_target": target, "earlier_versions": revisions_out(earlier_versions("s47_enquiry", e.pk))}


def invitation_out(i, kept=None) -> dict:
    kept = earlier_versions("cp_agency_report", i.pk) if kept is None else kept
    return {**{f: getattr(i, f) for f in InvitationOut.model_fields if f != "earlier_versions"},
            "earlier_versions": revisions_out(kept)}


def conference_out(c) -> dict:
    readiness = readiness_for([c], timezone.localdate())[0]
    invitations = list(c.invitations.all())
    kept = earlier_versions_of("cp_agency_report", [i.pk for i in invitations])
    return {**{f: getattr(c, f) for f in ConferenceOut.model_fields if f not in FIXED},
            "invitations": [invitation_out(i, kept.get(i.pk, [])) for i in invitations],
            "warnings": readiness.warnings, "earlier_versions": revisions_out(earlier_versions("cp_conference", c.pk))}


def plan_out(p) -> dict:
    return {**{f: getattr(p, f) for f in CpPlanOut.model_fields if f not in ("actions", "earlier_versions")},
            "actions": list(p.actions.all()), "earlier_versions": revisions_out(earlier_versions("cp_plan", p.pk))}


def core_group_out(meeting) -> dict:
    """From a meeting with its attendees and progress prefetched."""
    return {"id": meeting.pk, "plan_id": meeting.plan_id, "child_id": meeting.child_id, "held_on": meeting.held_on,
            "summary": meeting.summary, "attendee_ids": sorted(m.pk for m in meeting.attendees.all()),
            "progress": [{"action_id": p.action_id, "status": p.status, "note": p.note}
                         for p in meeting.progress.all()],
            "late_reason": meeting.late_reason, "recorded_by_id": meeting.recorded_by_id,
            "created_at": meeting.created_at}
