"""The police domestic abuse notification funnel for the period: notifications → triaged → assessed
→ coordinated help, by month. The stages are the front door's own (lantern/frontdoor/selectors/
funnel.py, read-only: its STAGES, the final decision it counts and its FunnelMonth); here they are
counted over the chosen dates rather than the front door's fixed last 12 months. One grouped query;
a test keeps the two in step.

Each notification's decisions are tested with EXISTS (answered from two small partial indexes of
final decisions) rather than joined: a join makes a row per decision, which then has to be counted
DISTINCT, a sort of every notification in the period. Counted by day, then by month."""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef, Q

from lantern.frontdoor.codes import DecisionStatus, MaracOutcome, NotificationStatus, Outcome
from lantern.frontdoor.models import ContactDecision, DomesticAbuseNotification
from lantern.frontdoor.selectors.funnel import STAGES, FunnelMonth

from ..period import Month, Period
from .common import Share, by_month, counted


@dataclass
class FunnelIndicators:
    total: FunnelMonth
    stages: list[tuple[str, str, Share]]  # (key, label, share of the notifications)
    months: list[tuple[Month, FunnelMonth]] = field(default_factory=list)


def funnel_indicators(period: Period) -> FunnelIndicators:
    notifications = DomesticAbuseNotification.objects.filter(received_on__range=period.range)
    # Only the decisions on the period's own contacts are looked at: PostgreSQL answers each EXISTS
    # from a table of those few, not from one of every final decision ever made.
    theirs = notifications.filter(contact__isnull=False).values("contact")

    def _final(*outcomes: str) -> Exists:
        """The notification's contact has a final decision with one of ``outcomes``."""
        return Exists(ContactDecision.objects.filter(contact=OuterRef("contact"), contact__in=theirs,
                                                     status=DecisionStatus.FINAL, outcome__in=outcomes))

    per_day = (notifications
               .annotate(day=F("received_on"), a=_final(Outcome.REFERRAL, Outcome.STRATEGY),
                         h=_final(Outcome.EARLY_HELP))
               .values("day")
               .annotate(notifications=Count("id"), triaged=Count("id", filter=~Q(status=NotificationStatus.NEW)),
                         assessed=Count("id", filter=Q(a=True)),
                         coordinated=Count("id", filter=Q(marac_outcome=MaracOutcome.ACTION_PLAN) | Q(h=True))))
    rows = counted(per_day, (), {key: f"SUM({key})" for key, _ in STAGES})
    months = [(m, FunnelMonth(m.start, *(r.get(key, 0) for key, _ in STAGES))) for m, r in by_month(period, rows)]
    total = FunnelMonth(period.start, *(sum(getattr(f, key) for _, f in months) for key, _ in STAGES))
    return FunnelIndicators(total=total, months=months,
                            stages=[(key, label, Share(getattr(total, key), total.notifications))
                                    for key, label in STAGES])
