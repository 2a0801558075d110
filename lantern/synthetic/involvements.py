"""Professionals from other agencies involved with open children: the school's designated
safeguarding lead, the health visitor or midwife, the police, and now and then others. Some are
partner practitioners who can sign in, so partner access has children to show."""

from datetime import date, timedelta
from random import Random

from .agencies import AgencyPlan
from .demography import STAFF_CULTURE
from .names import CULTURES
from .people import PersonPlan
from .places import phone

LINKED_USER_SHARE = 0.2


class InvolvementPlanner:
    """Appends (child, agency, practitioner user, practitioner name, role, contact, start) tuples."""

    def __init__(self, rng: Random, today: date, agencies: AgencyPlan, out: list):
        self.rng, self.today, self.agencies, self.out = rng, today, agencies, out

    def _name(self) -> str:
        rng = self.rng
        culture = CULTURES[STAFF_CULTURE.pick(rng)]
        sex = "F" if rng.random() < 0.7 else "M"
        return f"{rng.choice(culture.first_names(sex, rng.randrange(1965, 2001)))} {rng.choice(culture.surnames)}"

    def _candidates(self, person: PersonPlan) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """(always offered, sometimes offered) as (agency key or 'school'/'gp', role)."""
        rng, age = self.rng, person.age_on(self.today)
        first: list[tuple[str, str]] = []
        more: list[tuple[str, str]] = []
        if age is None:
            first.append(("hospital", "Community midwife"))
        elif age < 5:
            first.append(("health_visiting", "Health visitor"))
        if person.school is not None:
            first.append(("school", "Designated safeguarding lead"))
        if age is not None and age >= 5 and rng.random() < 0.2:
            more.append(("school_nursing", "School nurse"))
        if rng.random() < 0.3:
            more.append(("police", "Police officer (Public Protection Unit)"))
        if rng.random() < 0.3:
            more.append(("gp", "GP"))
        if age is not None and age >= 11 and rng.random() < 0.1:
            more.append(("camhs", "Mental health practitioner"))
        if age is not None and age >= 12 and rng.random() < 0.05:
            more.append(("youth_justice", "Youth justice officer"))
        if rng.random() < 0.1:
            more.append(("domestic_abuse", "Independent domestic violence adviser"))
        if rng.random() < 0.05:
            more.append(("housing", "Housing officer"))
        rng.shuffle(more)
        return first, more

    def for_open_child(self, child: int, person: PersonPlan, episode_start: date, count: int) -> None:
        rng, agencies = self.rng, self.agencies
        first, more = self._candidates(person)
        chosen = (first + more)[:count] or (first + more)[:1]
        for key, role in chosen:
            if key == "school" and person.school is not None:
                agency = person.school
            elif key == "gp":
                agency = rng.choice(agencies.gps)
            else:
                agency = agencies.by_key[key]
            users = agencies.users.get(agency)
            user = rng.choice(users) if users and rng.random() < LINKED_USER_SHARE else None
            name = "" if user else self._name()
            start = min(episode_start + timedelta(days=rng.randrange(0, 30)), self.today)
            if person.dob and start < person.dob and role != "Community midwife":
                start = person.dob
            self.out.append((child, agency, user, name, role, phone(rng), start))
