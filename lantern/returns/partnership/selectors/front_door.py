"""The partners' own front door activity in the period: contacts by the agency that made them
(the CIN census referral source), how many the front door accepted for an assessment or a strategy
discussion, whether the family had been told first; referrals (child in need episodes) by source;
and the checks the front door made with partner agencies. Three grouped queries."""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef, Q

from lantern.accounts.roles import AgencyKind
from lantern.frontdoor.codes import ContactStatus, DecisionStatus, Outcome
from lantern.frontdoor.models import AgencyCheck, Contact, ContactDecision
from lantern.referrals.models import Episode

from ..period import Month, Period
from .common import Share, counted, month_key

# The census referral sources (lantern/referrals/codes.py), grouped by the agency behind them.
SOURCE_GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("police", "Police", ("6",)),
    ("health", "Health", ("3A", "3B", "3C", "3D", "3E", "3F")),
    ("education", "Education (schools and education services)", ("2A", "2B")),
    ("housing", "Housing", ("4",)),
    ("la", "Other local authority services", ("5A", "5B", "5C", "5D")),
    ("legal", "Other legal agency", ("7",)),
    ("other", "Other", ("8",)),
    ("individual", "Individuals (family, neighbours, the child)", ("1A", "1B", "1C", "1D")),
    ("unknown", "Anonymous or not known", ("9", "10")),
)
GROUP_OF = {code: key for key, _, codes in SOURCE_GROUPS for code in codes}
PARTNER_GROUPS = ("police", "health", "education")
ACCEPTED = (Outcome.REFERRAL, Outcome.STRATEGY)
COUNTS = ("contacts", "accepted", "discussed", "discussed_known")


@dataclass(frozen=True)
class SourceRow:
    key: str
    label: str
    contacts: int
    accepted: int  # the front door's final decision: an assessment or a strategy discussion
    discussed: int  # the referrer had discussed the concern with the family first
    discussed_known: int  # the referrer said whether they had
    referrals: int  # child in need episodes that started in the period from this source

    @property
    def accepted_share(self) -> Share:
        return Share(self.accepted, self.contacts)

    @property
    def discussed_share(self) -> Share:
        return Share(self.discussed, self.discussed_known)


@dataclass(frozen=True)
class ContactMonth:
    month: Month
    counts: dict[str, int]  # source group -> contacts


@dataclass(frozen=True)
class CheckRow:
    kind: str
    label: str
    checks: int
    contacts: int


@dataclass
class FrontDoorIndicators:
    contacts: int
    referrals: int
    by_source: list[SourceRow] = field(default_factory=list)
    months: list[ContactMonth] = field(default_factory=list)
    checks: list[CheckRow] = field(default_factory=list)


def front_door_indicators(period: Period) -> FrontDoorIndicators:
    accepted = Exists(ContactDecision.objects.filter(contact=OuterRef("pk"), status=DecisionStatus.FINAL,
                                                     outcome__in=ACCEPTED))
    # Counted by day first: working out the month of every contact cost more than the counting.
    per_day = (Contact.objects.filter(received_on__range=period.range).exclude(status=ContactStatus.DRAFT)
               .annotate(a=accepted, day=F("received_on")).values("day", "source")
               .annotate(contacts=Count("id"), accepted=Count("id", filter=Q(a=True)),
                         discussed=Count("id", filter=Q(discussed_with_parents=True)),
                         discussed_known=Count("id", filter=Q(discussed_with_parents__isnull=False))))
    rows = counted(per_day, ("source",), {key: f"SUM({key})" for key in COUNTS})
    per_group: dict[str, dict[str, int]] = {key: {} for key, _, _ in SOURCE_GROUPS}
    per_month: dict[tuple[int, int], dict[str, int]] = {}
    for r in rows:
        group = GROUP_OF.get(r["source"], "unknown")
        for key in COUNTS:
            per_group[group][key] = per_group[group].get(key, 0) + r[key]
        month = per_month.setdefault(month_key(r["month"]), {})
        month[group] = month.get(group, 0) + r["contacts"]
    for source, n in (Episode.objects.filter(referral_date__range=period.range).values("referral_source")
                      .annotate(n=Count("id")).order_by().values_list("referral_source", "n")):
        counts = per_group[GROUP_OF.get(source, "unknown")]
        counts["referrals"] = counts.get("referrals", 0) + n
    by_source = [SourceRow(key, label, *(per_group[key].get(k, 0) for k in
                                         ("contacts", "accepted", "discussed", "discussed_known", "referrals")))
                 for key, label, _ in SOURCE_GROUPS]
    kinds = dict(AgencyKind.choices)
    checks = [CheckRow(r["agency__kind"] or "", kinds.get(r["agency__kind"], "Agency not named in Lantern"),
                       r["checks"], r["contacts"])
              for r in AgencyCheck.objects.filter(asked_on__range=period.range).values("agency__kind")
              .annotate(checks=Count("id"), contacts=Count("contact", distinct=True)).order_by("agency__kind")]
    order = list(kinds)
    checks.sort(key=lambda c: order.index(c.kind) if c.kind in order else len(order))
    return FrontDoorIndicators(
        contacts=sum(r.contacts for r in by_source), referrals=sum(r.referrals for r in by_source),
        by_source=by_source, checks=checks,
        months=[ContactMonth(m, per_month.get(m.key, {})) for m in period.months()])
