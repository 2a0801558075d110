"""The police domestic abuse notification funnel for the period: notifications → triaged → assessed
→ coordinated help, by month. The stages are the front door's own (lantern/frontdoor/selectors/
funnel.py, read-only: its STAGES, its FINAL decision filter and its FunnelMonth); here they are
counted over the chosen dates rather than the front door's fixed last 12 months. One grouped query;
a test keeps the two in step."""

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth

from lantern.frontdoor.codes import MaracOutcome, NotificationStatus, Outcome
from lantern.frontdoor.models import DomesticAbuseNotification
from lantern.frontdoor.selectors.funnel import FINAL, STAGES, FunnelMonth

from ..period import Month, Period
from .common import Share, by_month


@dataclass
class FunnelIndicators:
    total: FunnelMonth
    stages: list[tuple[str, str, Share]]  # (key, label, share of the notifications)
    months: list[tuple[Month, FunnelMonth]] = field(default_factory=list)


def funnel_indicators(period: Period) -> FunnelIndicators:
    rows = (DomesticAbuseNotification.objects.filter(received_on__range=period.range)
            .annotate(month=TruncMonth("received_on")).values("month")
            .annotate(notifications=Count("id", distinct=True),
                      triaged=Count("id", distinct=True, filter=~Q(status=NotificationStatus.NEW)),
                      assessed=Count("id", distinct=True, filter=FINAL & Q(
                          contact__decisions__outcome__in=(Outcome.REFERRAL, Outcome.STRATEGY))),
                      coordinated=Count("id", distinct=True, filter=Q(marac_outcome=MaracOutcome.ACTION_PLAN) | (
                          FINAL & Q(contact__decisions__outcome=Outcome.EARLY_HELP))))
            .order_by("month"))
    months = [(m, FunnelMonth(m.start, *(r.get(key, 0) for key, _ in STAGES))) for m, r in by_month(period, rows)]
    total = FunnelMonth(period.start, *(sum(getattr(f, key) for _, f in months) for key, _ in STAGES))
    return FunnelIndicators(total=total, months=months,
                            stages=[(key, label, Share(getattr(total, key), total.notifications))
                                    for key, label in STAGES])
