"""The manager's view of the front door: what waits for authorisation, what is overdue, and how
the last weeks' decisions went (on time, outcomes, re-referrals, threshold agreement with partners)."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, F, Q

from ..codes import Channel, ContactStatus, DecisionStatus, Outcome
from ..models import Contact, ContactDecision

PERIOD_DAYS = 28


def _percent(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None


@dataclass
class Performance:
    since: date
    decided: int
    on_time: int
    rereferrals: int
    referrals: int
    third_contacts: int
    outcomes: list[tuple[str, int]]
    partner_contacts: int
    partner_discussed: int
    partner_level_agreed: int
    partner_level_given: int

    @property
    def on_time_percent(self):
        return _percent(self.on_time, self.decided)

    @property
    def rereferral_percent(self):
        return _percent(self.rereferrals, self.referrals)

    @property
    def discussed_percent(self):
        return _percent(self.partner_discussed, self.partner_contacts)

    @property
    def agreement_percent(self):
        return _percent(self.partner_level_agreed, self.partner_level_given)


def awaiting_authorisation() -> list[ContactDecision]:
    return list(ContactDecision.objects.filter(status=DecisionStatus.PROPOSED,
                                               contact__status=ContactStatus.AWAITING_AUTHORISATION)
                .select_related("contact", "decided_by", "threshold_level")
                .order_by("contact__decision_due", "decided_at"))


def open_counts(today: date) -> dict[str, int]:
    return Contact.objects.filter(status__in=(ContactStatus.RECEIVED, ContactStatus.AWAITING_AUTHORISATION)).aggregate(
        open=Count("id"), overdue=Count("id", filter=Q(decision_due__lt=today)),
        due_today=Count("id", filter=Q(decision_due=today)))


def performance(today: date) -> Performance:
    since = today - timedelta(days=PERIOD_DAYS)
    final = ContactDecision.objects.filter(status=DecisionStatus.FINAL, effective_on__gte=since)
    numbers = final.aggregate(
        decided=Count("id"), on_time=Count("id", filter=Q(effective_on__lte=F("contact__decision_due"))),
        referrals=Count("id", filter=Q(outcome__in=(Outcome.REFERRAL, Outcome.STRATEGY))),
        rereferrals=Count("id", filter=Q(outcome__in=(Outcome.REFERRAL, Outcome.STRATEGY), rereferral=True)),
        third=Count("id", filter=Q(contacts_in_year__gte=3)))
    by_outcome = dict(final.values_list("outcome").annotate(n=Count("id")).values_list("outcome", "n"))
    partner = final.filter(contact__channel__in=(Channel.ONLINE_FORM, Channel.API)).aggregate(
        n=Count("id"), discussed=Count("id", filter=Q(contact__discussed_with_parents=True)),
        given=Count("id", filter=Q(contact__referrer_level__isnull=False)),
        agreed=Count("id", filter=Q(contact__referrer_level=F("threshold_level"))))
    return Performance(
        since=since, decided=numbers["decided"], on_time=numbers["on_time"], referrals=numbers["referrals"],
        rereferrals=numbers["rereferrals"], third_contacts=numbers["third"],
        outcomes=[(o.label, by_outcome.get(o.value, 0)) for o in Outcome],
        partner_contacts=partner["n"], partner_discussed=partner["discussed"],
        partner_level_given=partner["given"], partner_level_agreed=partner["agreed"])


def late_decisions(today: date, limit: int = 50) -> list[ContactDecision]:
    since = today - timedelta(days=PERIOD_DAYS)
    return list(ContactDecision.objects.filter(status=DecisionStatus.FINAL, effective_on__gte=since,
                                               effective_on__gt=F("contact__decision_due"))
                .select_related("contact", "decided_by").order_by("-effective_on")[:limit])
