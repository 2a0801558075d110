"""A partner practitioner's referrals: sending one in a single call, and following their own."""

from ninja import Query

from lantern.access.policy import require_permission
from lantern.api.paging import DateRange, PageQuery, choice, page_of, paged_query
from lantern.api.schema import Text

from .. import schemas as s
from ..codes import REFERRER_WORDING, ContactStatus, Outcome
from ..models import Contact, ThresholdLevel
from ..selectors.partner import my_referrals_query
from ..services import referral_send
from ..services.referral_form import own_referral
from .router import router


def _referral_out(c: Contact) -> s.ReferralOut:
    decisions = getattr(c, "final", [])
    final = decisions[0] if decisions else None
    return s.ReferralOut(id=c.pk, reference=c.reference, status=c.status, received_at=c.received_at,
                         decision_due=c.decision_due, children=[m.full_name for m in getattr(c, "children", [])],
                         decision=REFERRER_WORDING[Outcome(final.outcome)] if final else "",
                         decided_on=final.effective_on if final else None,
                         feedback=final.referrer_feedback if final else "")


def _mine(request, referral_id: int) -> s.ReferralOut:
    own_referral(request.auth, referral_id)
    return _referral_out(my_referrals_query(request.auth).get(pk=referral_id))


@router.post("/frontdoor/referrals", response={201: s.ReferralOut}, summary="Send a multi-agency referral",
             description="For partner practitioners: the same questions and checks as the online form, in one call.")
def referrals_send(request, payload: s.PartnerReferralIn):
    data = payload.dict()
    people = data.pop("people")
    level_id = data.pop("referrer_level_id")
    data["referrer_level"] = ThresholdLevel.objects.filter(pk=level_id, is_active=True).first() if level_id else None
    contact = referral_send(actor=request.auth, data=data, people=people)
    return 201, _mine(request, contact.pk)


@router.get("/frontdoor/referrals", response=page_of(s.ReferralOut), summary="My referrals and their decisions",
            description="Those you sent (or started on the online form), latest change first. status= for one "
                        "status; from= and to= on the day received.")
def referrals_mine(request, paging: Query[PageQuery], dates: Query[DateRange], status: Text | None = None):
    require_permission(request.auth, "frontdoor.refer")
    rows = my_referrals_query(request.auth)
    if choice("status", status, ContactStatus.values):
        rows = rows.filter(status=status)
    return paged_query(dates.apply(rows, "received_on"), paging, order=("-updated_at", "-pk")).out(_referral_out)


@router.get("/frontdoor/referrals/{referral_id}", response=s.ReferralOut, summary="One of my referrals",
            description="Anyone else's is answered 404, as if it did not exist.")
def referrals_one(request, referral_id: int):
    return _mine(request, referral_id)
