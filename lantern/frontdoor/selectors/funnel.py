"""The domestic abuse funnel by month: notifications → triaged → assessed → coordinated help.

Assessed: the notification's contact was referred to children's social care for an assessment or a
strategy discussion. Coordinated help: a MARAC action plan was agreed, or the front door passed the
family to early help (a team around the family)."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth

from ..codes import DecisionStatus, MaracOutcome, NotificationStatus, Outcome
from ..models import DomesticAbuseNotification

STAGES = (("notifications", "Notifications"), ("triaged", "Triaged"), ("assessed", "Assessed"),
          ("coordinated", "Coordinated help"))
FINAL = Q(contact__decisions__status=DecisionStatus.FINAL)


@dataclass
class FunnelMonth:
    month: date
    notifications: int
    triaged: int
    assessed: int
    coordinated: int

    def bars(self) -> list[tuple[str, int, int]]:
        """(label, count, width as a percentage of the month's notifications) for the bar chart."""
        top = self.notifications or 1
        return [(label, getattr(self, key), round(100 * getattr(self, key) / top)) for key, label in STAGES]


def _month_start(on: date, back: int) -> date:
    year, month = divmod(on.year * 12 + on.month - 1 - back, 12)
    return date(year, month + 1, 1)


def notification_funnel(*, today: date, months: int = 12) -> list[FunnelMonth]:
    first = _month_start(today, months - 1)
    rows = (DomesticAbuseNotification.objects.filter(received_on__gte=first)
            .annotate(month=TruncMonth("received_on")).values("month")
            .annotate(notifications=Count("id", distinct=True),
                      triaged=Count("id", distinct=True, filter=~Q(status=NotificationStatus.NEW)),
                      assessed=Count("id", distinct=True, filter=FINAL & Q(
                          contact__decisions__outcome__in=(Outcome.REFERRAL, Outcome.STRATEGY))),
                      coordinated=Count("id", distinct=True, filter=Q(marac_outcome=MaracOutcome.ACTION_PLAN) | (
                          FINAL & Q(contact__decisions__outcome=Outcome.EARLY_HELP))))
            .order_by("month"))
    found = {(r["month"].year, r["month"].month): r for r in rows}
    result = []
    for back in range(months - 1, -1, -1):
        start = _month_start(today, back)
        r: dict = dict(found.get((start.year, start.month)) or {})
        result.append(FunnelMonth(start, r.get("notifications", 0), r.get("triaged", 0), r.get("assessed", 0),
                                  r.get("coordinated", 0)))
    return result


def funnel_totals(months: list[FunnelMonth]) -> FunnelMonth:
    return FunnelMonth(months[0].month,
                       *(sum(getattr(m, key) for m in months) for key, _ in STAGES))
