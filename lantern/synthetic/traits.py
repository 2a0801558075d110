"""A person's details: names, language, religion, disabilities and identifiers."""

from datetime import date
from random import Random

from lantern.people.codes import Disability, Sex
from lantern.people.nicknames import NAME_GROUPS

from .agencies import School
from .demography import ADULT_LANGUAGE, CHILD_SPEAKS_ENGLISH, RELIGION, UNRECORDED_ETHNICITY, Weighted
from .identifiers import NhsNumbers, Upns
from .names import CULTURES, MIDDLE_NAMES_FEMALE, MIDDLE_NAMES_MALE, feminine_form
from .people import PersonPlan

D = Disability
DISABILITY = Weighted([(D.AUT, 22), (D.LD, 20), (D.COMM, 18), (D.BEH, 12), (D.MOB, 8), (D.DDA, 6), (D.HEAR, 4),
                       (D.PC, 4), (D.VIS, 3), (D.HAND, 3), (D.INC, 3), (D.CON, 2)])
DISABLED_SHARE = 0.08
CHILD_NHS_SHARE, ADULT_NHS_SHARE, UPN_SHARE = 0.97, 0.45, 0.90
SHORT_FORMS = {group[0]: group[1:] for group in NAME_GROUPS}
ENGLISH_MIDDLE_NAMES = {"british", "irish", "caribbean"}


class Traits:
    def __init__(self, rng: Random, today: date, nhs: NhsNumbers, upns: Upns):
        self.rng, self.today, self.nhs, self.upns = rng, today, nhs, upns

    # -- names --------------------------------------------------------------------------------------
    def surname(self, culture: str, sex: str) -> str:
        c = CULTURES[culture]
        name = self.rng.choice(c.surnames)
        return feminine_form(name) if sex == Sex.FEMALE and c.feminine_surname_forms else name

    def _first(self, culture: str, sex: str, year: int, avoid: set[str] | None = None) -> str:
        pool = CULTURES[culture].first_names(sex, year)
        name = self.rng.choice(pool)
        for _ in range(5):
            if not avoid or name not in avoid:
                break
            name = self.rng.choice(pool)
        return name

    def _middle(self, culture: str, sex: str, year: int, first: str) -> str:
        rng = self.rng
        if culture in ENGLISH_MIDDLE_NAMES:
            if rng.random() < 0.5:
                return rng.choice(MIDDLE_NAMES_FEMALE if sex == Sex.FEMALE else MIDDLE_NAMES_MALE)
            return ""
        return self._first(culture, sex, year, {first}) if rng.random() < 0.2 else ""

    def _known_as(self, culture: str, sex: str, year: int, first: str) -> str:
        short = SHORT_FORMS.get(first.lower())
        if short:
            return self.rng.choice(short).capitalize()
        return self._first(culture, sex, year, {first})

    # -- people -------------------------------------------------------------------------------------
    def adult(self, culture: str, sex: str, dob: date, ethnicity: str, household: int, last: str | None) -> PersonPlan:
        rng = self.rng
        c = CULTURES[culture]
        if last is None:
            if sex == Sex.FEMALE and c.female_surnames and rng.random() < 0.5:
                last = rng.choice(c.female_surnames)
            else:
                last = self.surname(culture, sex)
        elif sex == Sex.FEMALE and c.feminine_surname_forms:
            last = feminine_form(last)
        person = PersonPlan(self._first(culture, sex, dob.year), last, sex, dob, is_child=False, household=household)
        if rng.random() < 0.15:
            person.middle = self._middle(culture, sex, dob.year, person.first)
        if rng.random() < 0.02:
            person.known_as = self._known_as(culture, sex, dob.year, person.first)
        person.ethnicity = str(ethnicity)
        person.language = ADULT_LANGUAGE[culture].pick(rng)
        person.interpreter = person.language != "English" and rng.random() < 0.45
        person.religion = RELIGION[culture].pick(rng)
        if rng.random() < ADULT_NHS_SHARE:
            person.nhs = self.nhs.next()
        return person

    def child(self, culture: str, dob: date | None, edd: date | None, surname: str, household: int,
              used: set[str]) -> PersonPlan:
        rng = self.rng
        if dob is None:
            child = PersonPlan("Unborn", surname, Sex.UNKNOWN, None, is_child=True, household=household)
            child.edd = edd
            return child
        sex = Sex.FEMALE if rng.random() < 0.49 else Sex.MALE
        first = self._first(culture, sex, dob.year, used)
        used.add(first)
        if sex == Sex.FEMALE and CULTURES[culture].feminine_surname_forms:
            surname = feminine_form(surname)
        child = PersonPlan(first, surname, sex, dob, is_child=True, household=household)
        child.middle = self._middle(culture, sex, dob.year, first)
        if rng.random() < 0.03:
            child.known_as = self._known_as(culture, sex, dob.year, first)
        return child

    def child_identity(self, child: PersonPlan, ethnicity: str, culture: str, mother: PersonPlan) -> None:
        rng = self.rng
        child.ethnicity = UNRECORDED_ETHNICITY.pick(rng) or ethnicity
        if rng.random() < CHILD_SPEAKS_ENGLISH[culture] or mother.language == "English":
            child.language = "English"
        else:
            child.language = mother.language
        age = child.age_on(self.today)
        child.interpreter = child.language != "English" and age is not None and age >= 5 and rng.random() < 0.12
        child.religion = mother.religion if rng.random() < 0.9 else RELIGION[culture].pick(rng)
        if child.dob is not None and rng.random() < DISABLED_SHARE:
            first = DISABILITY.pick(rng)
            second = DISABILITY.pick(rng) if rng.random() < 0.3 else first
            child.disabilities = tuple(sorted({first, second}))
            if D.HEAR in child.disabilities and rng.random() < 0.3:
                child.language = "British Sign Language"
        else:
            child.disabilities = (D.NONE.value,)
        if child.dob is not None and rng.random() < CHILD_NHS_SHARE:
            child.nhs = self.nhs.next()

    def child_school_and_ids(self, child: PersonPlan, primary: School, secondary: School) -> None:
        age, dob = child.age_on(self.today), child.dob
        if age is None or dob is None or age < 4:
            return
        child.school = (primary if age < 11 else secondary).agency_id
        if self.rng.random() >= UPN_SHARE:
            return
        year = min(dob.year + (5 if dob.month >= 9 else 4), self.today.year)
        child.upn = self.upns.next(primary.number, year) or self.upns.next(primary.number + 500, year) or ""
