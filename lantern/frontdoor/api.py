"""API for contacts, the referral form, decisions and police notifications: the same services,
checks and audit trail as the pages."""

from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router

from lantern.access.policy import require_permission
from lantern.api.schema import Number
from lantern.audit_log.models import Action
from lantern.audit_log.services import audit_record
from lantern.revisions.schemas import revisions_out
from lantern.revisions.selectors import earlier_versions, earlier_versions_of

from . import schemas as s
from .access import contact_view, restricted_hidden
from .codes import REFERRER_WORDING, NotificationStatus, Outcome
from .models import Contact, DomesticAbuseNotification, ThresholdLevel
from .permissions import require_front_door_staff
from .selectors.funnel import notification_funnel
from .selectors.partner import my_referrals
from .selectors.queue import front_door_queue
from .selectors.screening import contact_for_screening
from .services import (
    contact_record,
    decision_authorise,
    decision_record,
    decision_return,
    notifications_receive,
    referral_send,
    screening_notes_save,
    threshold_level_save,
)
from .services.common import audit_contact
from .services.referral_form import own_referral

router = Router(tags=["Front door: contacts, referral form, decisions and notifications"])


def _contact_out(c: Contact, withheld: set[int] | None = None) -> s.ContactOut:
    withheld = withheld or set()
    return s.ContactOut(
        id=c.pk, reference=c.reference, version=c.version, status=c.status, channel=c.channel, source=c.source,
        received_at=c.received_at, decision_due=c.decision_due, concern=c.concern, immediate_risk=c.immediate_risk,
        discussed_with_parents=c.discussed_with_parents, not_discussed_reason=c.not_discussed_reason,
        people=[s.PersonOut(id=p.pk, role=p.role, first_name=p.first_name, last_name=p.last_name,
                            date_of_birth=p.date_of_birth, sex=p.sex, address=p.address,
                            relationship=p.relationship, person_id=p.person_id)
                for p in c.people.all() if p.pk not in withheld],
        withheld_children=len(withheld),
        agency_checks=[s.AgencyCheckOut(id=a.pk, agency=a.agency_label, asked_on=a.asked_on, response=a.response)
                       for a in c.agency_checks.all()],
        decisions=[_decision_out(d) for d in c.decisions.all()], screening_notes=c.screening_notes,
        earlier_versions=revisions_out(earlier_versions("contact", c.pk)))


def _decision_out(d) -> s.DecisionOut:
    return s.DecisionOut(id=d.pk, status=d.status, outcome=d.outcome, threshold_level=str(d.threshold_level),
                         rationale=d.rationale, decided_by_id=d.decided_by_id, decided_at=d.decided_at,
                         authorised_by_id=d.authorised_by_id, effective_on=d.effective_on, rereferral=d.rereferral,
                         contacts_in_year=d.contacts_in_year, late_reason=d.late_reason)


def _staff_contact(request, pk: int) -> Contact:
    return contact_view(request.auth, pk, screening=True).contact


@router.get("/frontdoor/contacts", response=list[s.QueueItemOut], summary="The front door queue")
def contacts_queue(request):
    """Contacts waiting for a decision, overdue first."""
    require_front_door_staff(request.auth)
    rows, total = front_door_queue(today=timezone.localdate())
    matched = {m.person_id for r in rows for m in r.children if m.person_id}
    hidden = restricted_hidden(request.auth, matched)
    audit_record(actor=request.auth, action=Action.LIST, object_type="contact", children=matched - hidden,
                 detail=f"api front door queue; {len(rows)} of {total}")
    out = []
    for r in rows:
        restricted = any(m.person_id in hidden for m in r.children)
        out.append(s.QueueItemOut(id=r.contact.pk, reference=r.contact.reference, status=r.contact.status,
                                  received_at=r.contact.received_at, decision_due=r.contact.decision_due,
                                  due_state=r.due_state, source=r.contact.source, restricted=restricted,
                                  children=[] if restricted else [m.full_name for m in r.children],
                                  flags=[] if restricted else [label for label, _ in r.flags]))
    return out


@router.post("/frontdoor/contacts", response={201: s.ContactOut}, summary="Record a contact")
def contacts_create(request, payload: s.ContactIn):
    data = payload.dict()
    people, received_at = data.pop("people"), data.pop("received_at")
    contact = contact_record(actor=request.auth, data=data, people=people, received_at=received_at)
    created = contact_for_screening(contact.pk)
    assert created is not None
    return 201, _contact_out(created)


@router.get("/frontdoor/contacts/{pk}", response=s.ContactOut, summary="A contact, its people, checks and decisions")
def contacts_detail(request, pk: int):
    """The front door reads any contact; anyone else only one about a child whose record they may
    open, with the other children they may not open left out (``withheld_children`` counts them).
    A contact matched to a restricted record you may not open is refused (403) naming who to ask."""
    view = contact_view(request.auth, pk)
    audit_contact(actor=request.auth, action=Action.VIEW, contact=view.contact, detail="api")
    return _contact_out(view.contact, view.withheld)


@router.post("/frontdoor/contacts/{pk}/screening-notes", response=s.ContactOut,
             summary="Save the screening notes (the notes they replace are kept as an earlier version)")
def contacts_screening_notes(request, pk: int, payload: s.ScreeningNotesIn):
    contact = _staff_contact(request, pk)
    screening_notes_save(actor=request.auth, contact=contact, expected_version=payload.version, notes=payload.notes)
    saved = contact_for_screening(pk)
    assert saved is not None  # _staff_contact found it
    return _contact_out(saved)


@router.post("/frontdoor/contacts/{pk}/decision", response={201: s.DecisionOut}, summary="Record the decision",
             description="Waits for a manager's authorisation when the authority asks for it (status 'proposed').")
def contacts_decide(request, pk: int, payload: s.ContactDecisionIn):
    contact = _staff_contact(request, pk)
    data = payload.dict()
    version = data.pop("version")
    data["threshold_level"] = ThresholdLevel.objects.filter(pk=data.pop("threshold_level_id"), is_active=True).first()
    return 201, _decision_out(decision_record(actor=request.auth, contact=contact, expected_version=version, data=data))


@router.post("/frontdoor/contacts/{pk}/authorisation", response=s.DecisionOut,
             summary="Authorise or return a proposed decision")
def contacts_authorise(request, pk: int, payload: s.ContactAuthorisationIn):
    contact = _staff_contact(request, pk)
    require_permission(request.auth, "frontdoor.authorise")
    if payload.action == "authorise":
        decision = decision_authorise(actor=request.auth, contact=contact, expected_version=payload.version,
                                      comment=payload.comment, late_reason=payload.late_reason)
    elif payload.action == "return":
        decision = decision_return(actor=request.auth, contact=contact, expected_version=payload.version,
                                   comment=payload.comment)
    else:
        from django.core.exceptions import ValidationError
        raise ValidationError({"action": "Use 'authorise' or 'return'"})
    return _decision_out(decision)


def _referral_out(c: Contact) -> s.ReferralOut:
    decisions = getattr(c, "final", [])
    final = decisions[0] if decisions else None
    return s.ReferralOut(id=c.pk, reference=c.reference, status=c.status, received_at=c.received_at,
                         decision_due=c.decision_due, children=[m.full_name for m in getattr(c, "children", [])],
                         decision=REFERRER_WORDING[Outcome(final.outcome)] if final else "",
                         decided_on=final.effective_on if final else None,
                         feedback=final.referrer_feedback if final else "")


@router.post("/frontdoor/referrals", response={201: s.ReferralOut}, summary="Send a multi-agency referral")
def referrals_send(request, payload: s.PartnerReferralIn):
    """For partner practitioners: the same questions and checks as the online form, in one call."""
    data = payload.dict()
    people = data.pop("people")
    level_id = data.pop("referrer_level_id")
    data["referrer_level"] = ThresholdLevel.objects.filter(pk=level_id, is_active=True).first() if level_id else None
    contact = referral_send(actor=request.auth, data=data, people=people)
    return 201, next(_referral_out(c) for c in my_referrals(request.auth) if c.pk == contact.pk)


@router.get("/frontdoor/referrals", response=list[s.ReferralOut], summary="My referrals and their decisions")
def referrals_mine(request):
    require_permission(request.auth, "frontdoor.refer")
    return [_referral_out(c) for c in my_referrals(request.auth)]


@router.get("/frontdoor/referrals/{pk}", response=s.ReferralOut, summary="One of my referrals")
def referrals_one(request, pk: int):
    own_referral(request.auth, pk)
    return next(_referral_out(c) for c in my_referrals(request.auth) if c.pk == pk)


@router.post("/frontdoor/notifications", response={200: s.NotificationsOut},
             summary="Send police domestic abuse notifications",
             description="Each row is checked on its own (same columns as the CSV upload); good rows are kept, "
                         "bad rows come back with their row number (from 1), column and what is wrong.")
def notifications_send(request, payload: s.NotificationsIn):
    batch = notifications_receive(actor=request.auth, rows=payload.rows, first_row=1)
    return s.NotificationsOut(batch_id=batch.pk, received=batch.rows_accepted, refused_rows=batch.rows_rejected,
                              errors=batch.errors)


@router.get("/frontdoor/notifications", response=list[s.NotificationOut], summary="Notifications waiting for triage")
def notifications_waiting(request):
    require_front_door_staff(request.auth)
    rows = list(DomesticAbuseNotification.objects.filter(status=NotificationStatus.NEW).order_by("received_at")[:500])
    audit_record(actor=request.auth, action=Action.LIST, object_type="notification", detail=f"api; {len(rows)}")
    return rows


@router.get("/frontdoor/notifications/funnel", response=list[s.FunnelMonthOut],
            summary="Notifications → triaged → assessed → coordinated help, by month")
def notifications_funnel(request, months: Number = 12):
    require_permission(request.auth, "frontdoor.report")
    return notification_funnel(today=timezone.localdate(), months=max(1, min(months, 60)))


@router.get("/frontdoor/thresholds", response=list[s.ThresholdOut], summary="The authority's threshold levels")
def thresholds(request):
    require_permission(request.auth, "frontdoor.thresholds")
    levels = list(ThresholdLevel.objects.filter(is_active=True))
    kept = earlier_versions_of("threshold_level", [t.pk for t in levels])
    return [_threshold_out(t, kept.get(t.pk, [])) for t in levels]



def _threshold_out(t: ThresholdLevel, kept) -> s.ThresholdOut:
    return s.ThresholdOut(id=t.pk, name=t.name, order=t.order, descriptor=t.descriptor, examples=t.example_list,
                          allowed_outcomes=t.allowed_outcomes, version=t.version, earlier_versions=revisions_out(kept))


@router.put("/frontdoor/thresholds/{pk}", response=s.ThresholdOut,
            summary="Change a threshold level (the words it replaces are kept; 409 if stale)")
def threshold_change(request, pk: int, payload: s.ThresholdIn):
    level = get_object_or_404(ThresholdLevel, pk=pk)
    data = {**payload.dict(exclude={"version", "examples"}), "examples": "\n".join(payload.examples)}
    saved = threshold_level_save(actor=request.auth, data=data, level=level, expected_version=payload.version)
    saved.refresh_from_db()
    return _threshold_out(saved, earlier_versions("threshold_level", saved.pk))
