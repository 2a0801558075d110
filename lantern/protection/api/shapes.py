"""Turning records into the API's shapes (each read is one fetch plus its prefetched rows)."""

from django.utils import timezone

from lantern.obligations.models import Obligation

from ..obligations import ENQUIRY_SOURCE
from ..readiness import readiness_for
from ..schemas import ConferenceOut, CpPlanOut, EnquiryOut, StrategyOut


def strategy_out(d) -> dict:
    enquiry = getattr(d, "enquiry", None) if d.starts_enquiry else None
    return {**{f: getattr(d, f) for f in StrategyOut.model_fields if f not in ("participants", "enquiry_id")},
            "participants": list(d.participants.all()), "enquiry_id": enquiry.pk if enquiry else None}


def enquiry_out(e) -> dict:
    target = Obligation.objects.filter(source_type=ENQUIRY_SOURCE, source_id=e.pk, rule_id="initial_cp_conference",
                                       occurrence=1).values_list("due_date", flat=True).first()
    return {**{f: getattr(e, f) for f in EnquiryOut.model_fields if f != "icpc_target"}, "icpc_target": target}


def conference_out(c) -> dict:
    readiness = readiness_for([c], timezone.localdate())[0]
    return {**{f: getattr(c, f) for f in ConferenceOut.model_fields if f not in ("invitations", "warnings")},
            "invitations": list(c.invitations.all()), "warnings": readiness.warnings}


def plan_out(p) -> dict:
    return {**{f: getattr(p, f) for f in CpPlanOut.model_fields if f != "actions"}, "actions": list(p.actions.all())}
