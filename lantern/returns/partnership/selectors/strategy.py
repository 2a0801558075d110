"""Strategy discussions held in the period, and which agencies took part: the inspection found that
they rarely involved anyone but the police and children's social care.

Two grouped queries: one row per month with each discussion's agencies tested by EXISTS, and the
count of discussions each kind of agency took part in."""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import TruncMonth

from lantern.protection.models import StrategyDiscussion, StrategyParticipant

from ..period import Month, Period
from .common import AGENCIES, CSC, EDUCATION, HEALTH, POLICE, Share, by_month


@dataclass(frozen=True)
class StrategyMonth:
    month: Month
    held: int
    police: int
    health: int
    education: int
    all_three: int


@dataclass(frozen=True)
class AgencyTookPart:
    kind: str
    label: str
    share: Share  # discussions this kind of agency took part in, of those held


@dataclass
class StrategyIndicators:
    held: int
    by_agency: list[AgencyTookPart]
    without_police: Share
    without_health: Share
    without_police_or_health: Share
    with_police_health_education: Share
    # Discussions whose referrer was a partner agency (not police or health, asked for anyway), and
    # how many of those the referring agency took part in.
    referrer_took_part: Share
    months: list[StrategyMonth] = field(default_factory=list)


def _took_part(kind) -> Exists:
    return Exists(StrategyParticipant.objects.filter(discussion=OuterRef("pk"), agency_kind=kind))


def strategy_indicators(period: Period) -> StrategyIndicators:
    referred = ~Q(referrer_agency__in=("", CSC, POLICE, HEALTH))
    rows = (StrategyDiscussion.objects.filter(held_on__range=period.range)
            .annotate(p=_took_part(POLICE), h=_took_part(HEALTH), e=_took_part(EDUCATION),
                      r=_took_part(OuterRef("referrer_agency")), month=TruncMonth("held_on"))
            .values("month")
            .annotate(held=Count("id"), police=Count("id", filter=Q(p=True)), health=Count("id", filter=Q(h=True)),
                      education=Count("id", filter=Q(e=True)),
                      all_three=Count("id", filter=Q(p=True, h=True, e=True)),
                      no_police=Count("id", filter=Q(p=False)), no_health=Count("id", filter=Q(h=False)),
                      no_either=Count("id", filter=Q(p=False) | Q(h=False)),
                      referred=Count("id", filter=referred), referrer_there=Count("id", filter=referred & Q(r=True)))
            .order_by("month"))
    months = by_month(period, rows)
    total = {key: sum(r.get(key, 0) for _, r in months)
             for key in ("held", "no_police", "no_health", "no_either", "all_three", "referred", "referrer_there")}
    took_part = dict(StrategyParticipant.objects.filter(discussion__held_on__range=period.range)
                     .values("agency_kind").annotate(n=Count("discussion", distinct=True))
                     .values_list("agency_kind", "n"))
    held = total["held"]
    return StrategyIndicators(
        held=held,
        by_agency=[AgencyTookPart(kind, label, Share(took_part.get(kind, 0), held)) for kind, label in AGENCIES],
        without_police=Share(total["no_police"], held), without_health=Share(total["no_health"], held),
        without_police_or_health=Share(total["no_either"], held),
        with_police_health_education=Share(total["all_three"], held),
        referrer_took_part=Share(total["referrer_there"], total["referred"]),
        months=[StrategyMonth(m, r.get("held", 0), r.get("police", 0), r.get("health", 0), r.get("education", 0),
                              r.get("all_three", 0)) for m, r in months])
