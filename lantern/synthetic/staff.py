"""Staff and partner practitioners as User rows: names, usernames, roles, qualifications.

Registered social workers always carry a (synthetic) Social Work England number; about one in
seven qualified within the last year (their assessed and supported year in employment) and about
15% of qualified staff are agency locums. Nobody generated here can sign in: every password is
unusable. The demo accounts (``demo_users``) are the only ones with a password."""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from random import Random

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from lantern.accounts.models import User
from lantern.accounts.roles import Employment, Qualification, Role

from .demography import STAFF_CULTURE
from .identifiers import SweNumbers
from .names import CULTURES, feminine_form
from .places import phone


@dataclass(frozen=True)
class Profile:
    role: str
    titles: tuple[str, ...]
    registered: float  # probability of being a registered social worker
    years: tuple[int, int]  # years since qualifying (or in post), for registered staff
    agency: float = 0.0


PROFILES = {
    "service_manager": Profile(Role.SERVICE_MANAGER, ("Service manager",), 1.0, (12, 30), 0.03),
    "team_manager": Profile(Role.TEAM_MANAGER, ("Team manager",), 1.0, (6, 25), 0.08),
    "eh_manager": Profile(Role.TEAM_MANAGER, ("Early help team manager",), 0.4, (6, 25)),
    "eh_service_manager": Profile(Role.SERVICE_MANAGER, ("Head of early help",), 0.5, (10, 30)),
    "senior": Profile(Role.SENIOR_PRACTITIONER, ("Senior practitioner", "Advanced practitioner"), 1.0, (4, 20), 0.12),
    "social_worker": Profile(Role.SOCIAL_WORKER, ("Social worker",), 1.0, (1, 15), 0.18),
    "edt_worker": Profile(Role.SOCIAL_WORKER, ("Emergency duty social worker",), 1.0, (3, 25), 0.2),
    "family_support": Profile(Role.SOCIAL_WORKER, ("Family support worker",), 0.0, (0, 0)),
    "screener": Profile(Role.FRONT_DOOR_SCREENER, ("MASH screening officer", "MASH social worker"), 0.5, (2, 20)),
    "early_help": Profile(Role.EARLY_HELP_PRACTITIONER,
                          ("Early help practitioner", "Family support worker", "Family practitioner"), 0.08, (1, 15)),
    "cp_chair": Profile(Role.CP_CHAIR, ("Child protection chair",), 1.0, (8, 30), 0.1),
    "iro": Profile(Role.CP_CHAIR, ("Independent reviewing officer",), 1.0, (8, 30), 0.1),
    "qa": Profile(Role.QA_AUDITOR, ("Quality assurance auditor",), 0.8, (8, 30)),
    "bs_manager": Profile(Role.PERFORMANCE_ANALYST, ("Performance and business support manager",), 0.0, (0, 0)),
    "analyst": Profile(Role.PERFORMANCE_ANALYST, ("Performance analyst", "Data and information officer"), 0.0, (0, 0)),
    "admin": Profile(Role.ADMINISTRATOR, ("Systems administrator",), 0.0, (0, 0)),
}
NEWLY_QUALIFIED_SHARE = 0.15
ALLOCATABLE_ROLES = frozenset({Role.SOCIAL_WORKER, Role.SENIOR_PRACTITIONER})


def ascii_slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z]+", "", plain) or "user"


class StaffFactory:
    """Builds unsaved User objects with preassigned ids, unique usernames and SWE numbers."""

    def __init__(self, rng: Random, today: date, next_id: int, usernames: set[str], swe: SweNumbers):
        self.rng, self.today, self.next_id = rng, today, next_id
        self.usernames = usernames
        self.swe = swe
        self.password = make_password(None)  # unusable; one value for all keeps generation fast
        self.joined = timezone.now()
        self.users: list[User] = []

    def _name(self) -> tuple[str, str]:
        rng = self.rng
        culture = CULTURES[STAFF_CULTURE.pick(rng)]
        sex = "F" if rng.random() < 0.8 else "M"  # the social care workforce is about 80% women
        first = rng.choice(culture.first_names(sex, rng.randrange(1965, 2001)))
        last = rng.choice(culture.surnames)
        if sex == "F" and culture.feminine_surname_forms:
            last = feminine_form(last)
        return first, last

    def _username(self, first: str, last: str) -> str:
        base = f"{ascii_slug(first)}.{ascii_slug(last)}"
        name, n = base, 1
        while name in self.usernames:
            n += 1
            name = f"{base}{n}"
        self.usernames.add(name)
        return name

    def _user(self, first: str, last: str, **fields) -> User:
        username = self._username(first, last)
        domain = "partners.brindleford.example" if fields.get("agency_id") else "brindleford.example"
        user = User(id=self.next_id, username=username, first_name=first, last_name=last, email=f"{username}@{domain}",
                    password=self.password, is_active=True, date_joined=self.joined, phone=phone(self.rng), **fields)
        self.next_id += 1
        self.users.append(user)
        return user

    def staff(self, kind: str, team_id: int, line_manager_id: int | None) -> User:
        rng, profile = self.rng, PROFILES[kind]
        first, last = self._name()
        title = rng.choice(profile.titles)
        fields = {"role": profile.role, "team_id": team_id, "line_manager_id": line_manager_id,
                  "qualification": Qualification.UNQUALIFIED, "swe_registration": "", "qualified_on": None,
                  "employment": Employment.PERMANENT, "is_staff": profile.role == Role.ADMINISTRATOR}
        registered = rng.random() < profile.registered
        if profile.role == Role.FRONT_DOOR_SCREENER:
            title = "MASH social worker" if registered else "MASH screening officer"
        if registered:
            fields["qualification"] = Qualification.REGISTERED_SOCIAL_WORKER
            fields["swe_registration"] = self.swe.next()
            if kind == "social_worker" and rng.random() < NEWLY_QUALIFIED_SHARE:
                fields["qualified_on"] = self.today - timedelta(days=rng.randrange(30, 360))
                title = "Newly qualified social worker (ASYE)"
            else:
                low, high = profile.years
                fields["qualified_on"] = self.today - timedelta(days=rng.randrange(low * 365 + 1, high * 365 + 2))
                if rng.random() < profile.agency:
                    fields["employment"] = Employment.AGENCY
        elif profile.role == Role.SOCIAL_WORKER:
            fields["employment"] = Employment.AGENCY if rng.random() < 0.05 else Employment.PERMANENT
        if fields["employment"] == Employment.AGENCY:
            title = f"{title} (agency)"
        return self._user(first, last, job_title=title, **fields)

    def partner(self, agency_id: int, job_title: str) -> User:
        first, last = self._name()
        return self._user(first, last, role=Role.PARTNER_PRACTITIONER, agency_id=agency_id, job_title=job_title,
                          qualification=Qualification.UNQUALIFIED, employment=Employment.PERMANENT)
