"""Child protection conferences held in the period, initial and review: which agencies were invited,
attended and sent a report, by kind of agency and by named agency; the police at initial conferences.

"Held" means the chair has recorded the decision (attendance is recorded with it) and the conference
was not cancelled; conferences in the period still waiting for the chair's record are counted
separately, not guessed at. Three grouped queries: each conference with its invitations counted by
month, the invitations by kind of agency, and by named agency."""

from dataclasses import dataclass, field

from django.db.models import Case, Count, F, Q, Value, When

from lantern.accounts.roles import AgencyKind
from lantern.protection.codes import ConferenceKind
from lantern.protection.models import Conference, ConferenceInvitation
from lantern.protection.readiness import MIN_AGENCIES

from ..period import Month, Period
from .common import AGENCIES, CSC, EDUCATION, HEALTH, POLICE, Share, by_month, counted

KINDS = ((ConferenceKind.INITIAL.value, "Initial conferences"), (ConferenceKind.REVIEW.value, "Review conferences"))


@dataclass(frozen=True)
class AgencyAtConferences:
    kind: str
    label: str
    invited: int  # invitations (one per conference the agency was invited to, as a rule)
    attended: int
    absent: int
    reports: int  # reports submitted, at any time
    reports_in_time: int  # submitted on or before the day of the conference

    @property
    def attended_share(self) -> Share:
        return Share(self.attended, self.attended + self.absent)

    @property
    def report_share(self) -> Share | None:
        """None for children's social care: its report is the conference report itself."""
        return None if self.kind == CSC else Share(self.reports, self.invited)

    @property
    def in_time_share(self) -> Share | None:
        return None if self.kind == CSC else Share(self.reports_in_time, self.invited)


@dataclass(frozen=True)
class ConferenceMonth:
    month: Month
    held: int
    police_attended: int
    health_attended: int
    education_attended: int


@dataclass
class ConferenceKindIndicators:
    kind: str
    label: str
    held: int
    waiting_for_record: int
    police_invited: Share
    police_attended: Share
    health_attended: Share
    education_attended: Share
    quorate: Share  # at least MIN_AGENCIES kinds of agency attended (social care and two partners)
    by_agency: list[AgencyAtConferences] = field(default_factory=list)
    months: list[ConferenceMonth] = field(default_factory=list)


@dataclass(frozen=True)
class NamedAgency:
    name: str
    kind_label: str
    invited: int
    attended: int
    absent: int
    reports: int
    reports_in_time: int

    @property
    def attended_share(self) -> Share:
        return Share(self.attended, self.attended + self.absent)

    @property
    def report_share(self) -> Share:
        return Share(self.reports, self.invited)


@dataclass
class ConferenceIndicators:
    initial: ConferenceKindIndicators
    review: ConferenceKindIndicators
    named_agencies: list[NamedAgency]


def _invitations(period: Period):
    return ConferenceInvitation.objects.filter(conference__conference_date__range=period.range,
                                               conference__cancelled_on__isnull=True).exclude(conference__decision="")


COUNTED = ("invited", "attended", "absent", "reports", "reports_in_time")


def _counts():
    """The invitation counts, named n_<field> (an annotation may not share a field's name)."""
    return {"n_invited": Count("id"), "n_attended": Count("id", filter=Q(attended=True)),
            "n_absent": Count("id", filter=Q(attended=False)),
            "n_reports": Count("id", filter=Q(report_submitted_on__isnull=False)),
            "n_reports_in_time": Count("id", filter=Q(report_submitted_on__lte=F("conference__conference_date")))}


def _counted(row: dict) -> dict[str, int]:
    return {key: row[f"n_{key}"] for key in COUNTED}


def _per_conference(period: Period):
    """One row per conference: its day and kind, whether it is decided, and its invitations: police
    invited, who attended (by kind of agency), and how many kinds of agency attended."""
    attended = Q(invitations__attended=True)
    return (Conference.objects.filter(conference_date__range=period.range, cancelled_on__isnull=True)
            .annotate(day=F("conference_date"),
                      decided=Case(When(decision="", then=Value(0)), default=Value(1)))
            .values("id", "day", "kind", "decided")
            .annotate(pi=Count("invitations", filter=Q(invitations__agency_kind=POLICE)),
                      pa=Count("invitations", filter=attended & Q(invitations__agency_kind=POLICE)),
                      ha=Count("invitations", filter=attended & Q(invitations__agency_kind=HEALTH)),
                      ea=Count("invitations", filter=attended & Q(invitations__agency_kind=EDUCATION)),
                      agencies=Count("invitations__agency_kind", filter=attended, distinct=True)))


def _held(test: str = "") -> str:
    return f"COUNT(CASE WHEN decided = 1{' AND ' + test if test else ''} THEN 1 END)"


MONTHLY = {"held": _held(), "waiting": "COUNT(CASE WHEN decided = 0 THEN 1 END)", "police_invited": _held("pi > 0"),
           "police": _held("pa > 0"), "health": _held("ha > 0"), "education": _held("ea > 0"),
           "quorate": _held(f"agencies >= {int(MIN_AGENCIES)}")}


def _kind(period: Period, kind: str, label: str, monthly: list[dict], agencies: dict) -> ConferenceKindIndicators:
    months = by_month(period, [r for r in monthly if r["kind"] == kind])
    total = {key: sum(r.get(key, 0) for _, r in months)
             for key in ("held", "waiting", "police_invited", "police", "health", "education", "quorate")}
    held = total["held"]
    empty = dict.fromkeys(COUNTED, 0)
    return ConferenceKindIndicators(
        kind=kind, label=label, held=held, waiting_for_record=total["waiting"],
        police_invited=Share(total["police_invited"], held), police_attended=Share(total["police"], held),
        health_attended=Share(total["health"], held), education_attended=Share(total["education"], held),
        quorate=Share(total["quorate"], held),
        by_agency=[AgencyAtConferences(a, a_label, **agencies.get((kind, a), empty)) for a, a_label in AGENCIES],
        months=[ConferenceMonth(m, r.get("held", 0), r.get("police", 0), r.get("health", 0), r.get("education", 0))
                for m, r in months])


def conference_indicators(period: Period) -> ConferenceIndicators:
    monthly = counted(_per_conference(period), ("kind",), MONTHLY)
    agencies = {(r["conference__kind"], r["agency_kind"]): _counted(r)
                for r in _invitations(period).values("conference__kind", "agency_kind").annotate(**_counts())
                .order_by()}
    named = (_invitations(period).filter(agency__isnull=False).values("agency__name", "agency__kind")
             .annotate(**_counts()).order_by("agency__kind", "agency__name"))
    kind_labels = dict(AgencyKind.choices)
    return ConferenceIndicators(
        initial=_kind(period, *KINDS[0], monthly, agencies), review=_kind(period, *KINDS[1], monthly, agencies),
        named_agencies=[NamedAgency(r["agency__name"], kind_labels.get(r["agency__kind"], r["agency__kind"]),
                                    **_counted(r)) for r in named])
