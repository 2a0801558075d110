"""Core group meetings held in the period: which members' agencies attended, against the members the
plan had on the day (joined on or before it and not yet left). Two grouped queries: the member
places, and each meeting with its attendees counted by month."""

from dataclasses import dataclass, field

from django.db.models import Count, F, Q

from lantern.protection.models import CoreGroup, CoreGroupMember

from ..period import Month, Period
from .common import AGENCIES, CSC, EDUCATION, HEALTH, POLICE, Share, by_month, counted, flagged


@dataclass(frozen=True)
class AgencyAtCoreGroups:
    kind: str
    label: str
    expected: int  # member places: a member of the core group on the day of a meeting
    attended: int  # member places taken
    meetings: Share  # meetings this kind of agency attended, of those held

    @property
    def attended_share(self) -> Share:
        return Share(self.attended, self.expected)


@dataclass(frozen=True)
class CoreGroupMonth:
    month: Month
    held: int
    police: int
    health: int
    education: int


@dataclass
class CoreGroupIndicators:
    held: int
    with_partner: Share  # meetings at least one partner agency attended
    by_agency: list[AgencyAtCoreGroups] = field(default_factory=list)
    months: list[CoreGroupMonth] = field(default_factory=list)


def _per_meeting(period: Period):
    """One row per meeting held in the period: its day and the members who attended, by kind of agency."""
    kinds = {f"k_{kind}": Count("attendees", filter=Q(attendees__agency_kind=kind)) for kind, _ in AGENCIES}
    return (CoreGroup.objects.filter(held_on__range=period.range).annotate(day=F("held_on"))
            .values("id", "day").annotate(**kinds, partner=Count("attendees", filter=~Q(attendees__agency_kind=CSC))))


def core_group_indicators(period: Period) -> CoreGroupIndicators:
    on_the_day = F("plan__core_groups__held_on")
    expected = dict(
        CoreGroupMember.objects.filter(Q(plan__core_groups__held_on__range=period.range, joined_on__lte=on_the_day)
                                       & (Q(left_on__isnull=True) | Q(left_on__gt=on_the_day)))
        .values("agency_kind").annotate(n=Count("id")).order_by().values_list("agency_kind", "n"))
    counts = {"held": "COUNT(*)", "partner": flagged("partner"),
              **{f"places_{kind}": f"SUM(k_{kind})" for kind, _ in AGENCIES},
              **{f"meetings_{kind}": flagged(f"k_{kind}") for kind, _ in AGENCIES}}
    months = by_month(period, counted(_per_meeting(period), (), counts))
    total = {key: sum(r.get(key) or 0 for _, r in months) for key in counts}
    held = total["held"]
    by_agency = [AgencyAtCoreGroups(kind, label, expected.get(kind, 0), total[f"places_{kind}"],
                                    Share(total[f"meetings_{kind}"], held)) for kind, label in AGENCIES]
    return CoreGroupIndicators(
        held=held, with_partner=Share(total["partner"], held), by_agency=by_agency,
        months=[CoreGroupMonth(m, r.get("held", 0), r.get(f"meetings_{POLICE}", 0), r.get(f"meetings_{HEALTH}", 0),
                               r.get(f"meetings_{EDUCATION}", 0)) for m, r in months])
