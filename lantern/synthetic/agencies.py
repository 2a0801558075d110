"""Partner agencies (police, health, schools, housing, probation, voluntary sector) and a few
practitioner log-ins for each, so that partner access can be tried out."""

from dataclasses import dataclass, field
from random import Random

from django.db.models import Max

from lantern.accounts.models import Agency, User
from lantern.accounts.roles import AgencyKind

from .places import DISTRICTS, practice_names, school_names

K = AgencyKind

# (key, name, kind, partner log-ins, their job title)
FIXED_AGENCIES = [
    ("police", "Brindleford Police Public Protection Unit", K.POLICE, 3, "Detective constable"),
    ("police_da", "Brindleford Police Domestic Abuse Team", K.POLICE, 1, "Police constable"),
    ("hospital", "Brindleford Hospitals NHS Trust", K.HEALTH, 2, "Named midwife for safeguarding"),
    ("health_visiting", "Brindleford Community Health Visiting Service", K.HEALTH, 3, "Health visitor"),
    ("school_nursing", "Brindleford School Nursing Service", K.HEALTH, 1, "School nurse"),
    ("camhs", "Brindleford Child and Adolescent Mental Health Service", K.HEALTH, 1, "Mental health practitioner"),
    ("housing", "Brindleford Homes", K.HOUSING, 1, "Housing officer"),
    ("probation", "Probation Service (Brindleford office)", K.PROBATION, 1, "Probation officer"),
    ("domestic_abuse", "Brindleford Domestic Abuse Service", K.VOLUNTARY, 1, "Independent domestic violence adviser"),
    ("family_centre", "Canalside Family Centre", K.VOLUNTARY, 1, "Family centre worker"),
    ("young_carers", "Brindleford Young Carers", K.VOLUNTARY, 0, ""),
    ("youth_justice", "Brindleford Youth Justice Service", K.OTHER, 1, "Youth justice officer"),
]


@dataclass(frozen=True)
class School:
    agency_id: int
    number: int  # the DfE establishment number used in pupils' UPNs
    primary: bool
    district: str


@dataclass
class AgencyPlan:
    schools: list[School]
    by_key: dict[str, int]  # FIXED_AGENCIES key -> agency id
    gps: list[int]
    users: dict[int, list[int]] = field(default_factory=dict)  # agency id -> partner practitioner ids
    created: int = 0  # agencies added by this run

    def __post_init__(self):
        self.primaries = [s for s in self.schools if s.primary]
        self.secondaries = [s for s in self.schools if not s.primary]
        self.primary_in: dict[str, list[School]] = {d: [] for d in DISTRICTS}
        self.secondary_in: dict[str, list[School]] = {d: [] for d in DISTRICTS}
        for school in self.schools:
            (self.primary_in if school.primary else self.secondary_in)[school.district].append(school)


def plan_agencies(children: int, factory) -> AgencyPlan:
    """Create any agencies not yet present, with partner log-ins for new ones."""
    existing = {a.name: a for a in Agency.objects.all()}
    next_id = (Agency.objects.aggregate(m=Max("id"))["m"] or 0) + 1
    new: list[Agency] = []

    def agency(name: str, kind: str) -> tuple[int, bool]:
        nonlocal next_id
        if name in existing:
            return existing[name].id, False
        item = Agency(id=next_id, name=name, kind=kind)
        existing[name] = item
        new.append(item)
        next_id += 1
        return item.id, True

    by_key: dict[str, int] = {}
    for key, name, kind, logins, title in FIXED_AGENCIES:
        agency_id, created = agency(name, kind)
        by_key[key] = agency_id
        for _ in range(logins if created else 0):
            factory.partner(agency_id, title)

    # School and surgery names come from a fixed stream, not the seed, so a bigger authority has the
    # smaller one's schools plus more, and a second run finds and reuses the ones already there.
    primaries, secondaries = school_names(Random("brindleford-schools"), max(6, round(children / 1_100)),
                                          max(2, round(children / 5_500)))
    schools = []
    for phase, names, base in ((True, primaries, 2000), (False, secondaries, 4000)):
        for index, name in enumerate(names):
            agency_id, created = agency(name, K.EDUCATION)
            schools.append(School(agency_id, base + index + 1, phase, DISTRICTS[index % len(DISTRICTS)]))
            if created:
                factory.partner(agency_id, "Designated safeguarding lead")

    gps = []
    for index, name in enumerate(practice_names(Random("brindleford-surgeries"), max(3, round(children / 6_000)))):
        agency_id, created = agency(name, K.HEALTH)
        gps.append(agency_id)
        if created and index < 3:
            factory.partner(agency_id, "GP safeguarding lead")

    Agency.objects.bulk_create(new)
    plan = AgencyPlan(schools=schools, by_key=by_key, gps=gps, created=len(new))
    for user in factory.users:
        if user.agency_id:
            plan.users.setdefault(user.agency_id, []).append(user.id)
    known = [a for a in existing.values() if a.id not in plan.users]
    for uid, agency_id in User.objects.filter(agency__in=known).values_list("id", "agency_id"):
        plan.users.setdefault(agency_id, []).append(uid)
    return plan
