"""Core group meetings held in the period: which members' agencies attended, against the members the
plan had on the day (joined on or before it and not yet left). Three grouped queries."""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.functions import TruncMonth

from lantern.protection.models import CoreGroup, CoreGroupMember

from ..period import Month, Period
from .common import AGENCIES, CSC, EDUCATION, HEALTH, POLICE, Share, by_month

ATTENDANCE = CoreGroup.attendees.through


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


def _there(kind: str | None) -> Exists:
    rows = ATTENDANCE.objects.filter(coregroup=OuterRef("pk"))
    return Exists(rows.exclude(coregroupmember__agency_kind=CSC) if kind is None
                  else rows.filter(coregroupmember__agency_kind=kind))


def core_group_indicators(period: Period) -> CoreGroupIndicators:
    on_the_day = F("plan__core_groups__held_on")
    expected = dict(
        CoreGroupMember.objects.filter(Q(plan__core_groups__held_on__range=period.range, joined_on__lte=on_the_day)
                                       & (Q(left_on__isnull=True) | Q(left_on__gt=on_the_day)))
        .values("agency_kind").annotate(n=Count("id")).order_by().values_list("agency_kind", "n"))
    attended = {r["coregroupmember__agency_kind"]: (r["n"], r["meetings"]) for r in
                ATTENDANCE.objects.filter(coregroup__held_on__range=period.range)
                .values("coregroupmember__agency_kind")
                .annotate(n=Count("id"), meetings=Count("coregroup", distinct=True)).order_by()}
    rows = (CoreGroup.objects.filter(held_on__range=period.range)
            .annotate(p=_there(POLICE), h=_there(HEALTH), e=_there(EDUCATION), any_partner=_there(None),
                      month=TruncMonth("held_on"))
            .values("month")
            .annotate(held=Count("id"), police=Count("id", filter=Q(p=True)), health=Count("id", filter=Q(h=True)),
                      education=Count("id", filter=Q(e=True)), partner=Count("id", filter=Q(any_partner=True)))
            .order_by("month"))
    months = by_month(period, rows)
    held = sum(r.get("held", 0) for _, r in months)
    by_agency = []
    for kind, label in AGENCIES:
        places, meetings = attended.get(kind, (0, 0))
        by_agency.append(AgencyAtCoreGroups(kind, label, expected.get(kind, 0), places, Share(meetings, held)))
    return CoreGroupIndicators(
        held=held, with_partner=Share(sum(r.get("partner", 0) for _, r in months), held), by_agency=by_agency,
        months=[CoreGroupMonth(m, r.get("held", 0), r.get("police", 0), r.get("health", 0), r.get("education", 0))
                for m, r in months])
