"""Strategy discussions held in the period, and which agencies took part: the inspection found that
they rarely involved anyone but the police and children's social care.

One query: each discussion with how many participants of each kind of agency (and of the agency
that referred) it had, counted by month."""

from dataclasses import dataclass, field

from django.db.models import Case, Count, F, Q, Value, When

from lantern.protection.models import StrategyDiscussion

from ..period import Month, Period
from .common import AGENCIES, CSC, EDUCATION, HEALTH, POLICE, Share, by_month, counted, flagged


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


def _per_discussion(period: Period):
    """One row per discussion: its day, whether a partner referred it, and its participants by kind."""
    referred = ~Q(referrer_agency__in=("", CSC, POLICE, HEALTH))
    kinds = {f"k_{kind}": Count("participants", filter=Q(participants__agency_kind=kind)) for kind, _ in AGENCIES}
    return (StrategyDiscussion.objects.filter(held_on__range=period.range)
            .annotate(day=F("held_on"), referred=Case(When(referred, then=Value(1)), default=Value(0)))
            .values("id", "day", "referred")
            .annotate(**kinds, referrer=Count("participants",
                                              filter=Q(participants__agency_kind=F("referrer_agency")))))


def strategy_indicators(period: Period) -> StrategyIndicators:
    p, h, e = f"k_{POLICE}", f"k_{HEALTH}", f"k_{EDUCATION}"
    counts = {"held": "COUNT(*)", "police": flagged(p), "health": flagged(h), "education": flagged(e),
              "all_three": f"COUNT(CASE WHEN {p} > 0 AND {h} > 0 AND {e} > 0 THEN 1 END)",
              "no_police": f"COUNT(CASE WHEN {p} = 0 THEN 1 END)", "no_health": f"COUNT(CASE WHEN {h} = 0 THEN 1 END)",
              "no_either": f"COUNT(CASE WHEN {p} = 0 OR {h} = 0 THEN 1 END)", "referred": flagged("referred"),
              "referrer_there": "COUNT(CASE WHEN referred > 0 AND referrer > 0 THEN 1 END)",
              **{f"k_{kind}": flagged(f"k_{kind}") for kind, _ in AGENCIES}}
    months = by_month(period, counted(_per_discussion(period), (), counts))
    total = {key: sum(r.get(key, 0) for _, r in months) for key in counts}
    held = total["held"]
    return StrategyIndicators(
        held=held,
        by_agency=[AgencyTookPart(kind, label, Share(total[f"k_{kind}"], held)) for kind, label in AGENCIES],
        without_police=Share(total["no_police"], held), without_health=Share(total["no_health"], held),
        without_police_or_health=Share(total["no_either"], held),
        with_police_health_education=Share(total["all_three"], held),
        referrer_took_part=Share(total["referrer_there"], total["referred"]),
        months=[StrategyMonth(m, r.get("held", 0), r.get("police", 0), r.get("health", 0), r.get("education", 0),
                              r.get("all_three", 0)) for m, r in months])
