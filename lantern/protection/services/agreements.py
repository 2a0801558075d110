"""Written agreements with the family. An agreement only follows a recorded assessment of risk, needs
a manager's decision, and names a professional, not the parents, who checks it is kept (the
inspection found agreements that left parents to monitor themselves)."""

from datetime import date

from django.utils import timezone

from lantern.access.policy import child_for_action
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.audit_log.transactions import atomic
from lantern.protection.audit_types import WRITTEN_AGREEMENT
from lantern.service_layer.errors import MIN_WRITTEN, raise_if, required_text

from ..codes import AgreementStatus
from ..models import Section47Enquiry, WrittenAgreement

FAMILY_WORDS = {"parent", "parents", "mother", "father", "mum", "dad", "mum and dad", "the parents", "family",
                "the family", "carer", "carers", "the carers", "grandparent", "grandparents", "self", "themselves"}


@atomic
def written_agreement_propose(*, actor, enquiry: Section47Enquiry, terms: str, monitored_by: str, monitoring: str,
                              review_on: date | None) -> WrittenAgreement:
    child = child_for_action(actor, enquiry.child_id, "enquiry.record")
    errors: dict[str, str] = {}
    if not enquiry.risk_assessment:
        errors["__all__"] = "A written agreement can only follow a recorded assessment of risk: record it first"
    if enquiry.agreements.filter(status=AgreementStatus.PROPOSED).exists():
        errors["__all__"] = "An agreement for this enquiry is already waiting for a manager"
    required_text(terms, "terms", "Enter what the family agrees to", errors, minimum=MIN_WRITTEN)
    who = required_text(monitored_by, "monitored_by", "Name the professional or agency who checks the agreement "
                        "is kept", errors)
    if who and who.lower().strip(". ") in FAMILY_WORDS:
        errors["monitored_by"] = ("The family cannot check their own agreement: name the professional or agency "
                                  "who will")
    required_text(monitoring, "monitoring", "Say how they will check", errors)
    if review_on is None:
        errors["review_on"] = "Enter the date the agreement will be reviewed"
    elif review_on <= timezone.localdate():
        errors["review_on"] = "The review date must be in the future"
    raise_if(errors)
    assert review_on is not None  # refused above when missing
    agreement = WrittenAgreement.objects.create(enquiry=enquiry, child=child, terms=terms.strip(), monitored_by=who,
                                                monitoring=monitoring.strip(), review_on=review_on, proposed_by=actor)
    audit_record(actor=actor, action=Action.CREATE, object_type=WRITTEN_AGREEMENT, object_id=agreement.pk,
                 child_id=child.pk, changes={"enquiry": [None, enquiry.pk], "review_on": [None, review_on.isoformat()]})
    return agreement


@atomic
def written_agreement_decide(*, actor, agreement: WrittenAgreement, approve: bool, rationale: str) -> WrittenAgreement:
    child_for_action(actor, agreement.child_id, "enquiry.decide")
    agreement = WrittenAgreement.objects.select_for_update().get(pk=agreement.pk)
    errors: dict[str, str] = {}
    if agreement.status != AgreementStatus.PROPOSED:
        errors["__all__"] = "This agreement has already been decided"
    required_text(rationale, "rationale", "Explain your decision", errors, minimum=10)
    raise_if(errors)
    agreement.status = AgreementStatus.AGREED if approve else AgreementStatus.DECLINED
    agreement.decided_by, agreement.decided_on, agreement.rationale = actor, timezone.localdate(), rationale.strip()
    agreement.save(update_fields=["status", "decided_by", "decided_on", "rationale"])
    audit_record(actor=actor, action=Action.UPDATE, object_type=WRITTEN_AGREEMENT, object_id=agreement.pk,
                 child_id=agreement.child_id, changes={"status": [AgreementStatus.PROPOSED, agreement.status]})
    return agreement
