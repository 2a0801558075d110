"""Households of the synthetic authority: children, mothers, fathers and male carers, addresses.

Each household has 1-5 children (siblings mostly share a surname) and a mother; just over half have
the father at home, and of the rest many record a father living elsewhere and/or a stepfather or
mother's partner. A few have a grandparent at home, and about 0.3% of children are unborn."""

from datetime import date, timedelta
from random import Random

from lantern.people.codes import Ethnicity, RelationshipType, Sex

from .agencies import AgencyPlan
from .demography import CULTURES_FOR, HOUSEHOLD_ETHNICITY, MIXED_PARENTS, Weighted
from .identifiers import NhsNumbers, Upns
from .names import CULTURES
from .people import Household, Population
from .places import DISTRICTS, StreetMap
from .traits import Traits

CHILDREN_PER_HOUSEHOLD = Weighted([(1, 38), (2, 33), (3, 17), (4, 8), (5, 4)])
UNBORN_PER_HOUSEHOLD = 0.0063  # gives ~0.3% of children unborn
MAX_AGE_DAYS = 17 * 365 + 360
YEAR = 365.25
WBRI = Ethnicity.WBRI.value


def _years(rng: Random, low: float, high: float, mode: float) -> timedelta:
    return timedelta(days=int(rng.triangular(low, high, mode) * YEAR))


class FamilyBuilder:
    def __init__(self, rng: Random, today: date, agencies: AgencyPlan, nhs: NhsNumbers, upns: Upns,
                 expected_households: int):
        self.rng, self.today = rng, today
        self.agencies = agencies
        self.traits = Traits(rng, today, nhs, upns)
        self.streets = StreetMap(rng, expected_households)
        self.population = Population()

    def build(self, children: int, progress=None) -> Population:
        made = 0
        while made < children:
            size = min(CHILDREN_PER_HOUSEHOLD.pick(self.rng), children - made)
            self._household(size)
            made += size
            if progress:
                progress(made)
        return self.population

    # -- one household ------------------------------------------------------------------------------
    def _household(self, size: int) -> None:
        rng, today, pop, agencies = self.rng, self.today, self.population, self.agencies
        home = Household()
        district = rng.choice(DISTRICTS)
        primary = rng.choice(agencies.primary_in[district] or agencies.primaries)
        secondary = rng.choice(agencies.secondary_in[district] or agencies.secondaries)
        hh = len(pop.households)
        pop.households.append(home)
        ethnicity = HOUSEHOLD_ETHNICITY.pick(rng)
        if ethnicity in MIXED_PARENTS:
            other = MIXED_PARENTS[ethnicity].pick(rng)
            mother_eth, father_eth = (WBRI, other) if rng.random() < 0.6 else (other, WBRI)
        else:
            mother_eth = father_eth = ethnicity
        mother_culture = CULTURES_FOR[mother_eth].pick(rng)
        same = father_eth == mother_eth and rng.random() < 0.9
        father_culture = mother_culture if same else CULTURES_FOR[father_eth].pick(rng)

        shape = rng.random()
        father_home = shape < 0.55
        father_away = not father_home and rng.random() < 0.55
        carer = not father_home and rng.random() < 0.35
        unborn = not carer and rng.random() < UNBORN_PER_HOUSEHOLD
        born = size - 1 if unborn else size
        ages = self._ages(born)
        oldest = today - timedelta(days=ages[0]) if ages else today
        youngest = today - timedelta(days=ages[-1]) if ages else today

        mother_dob = oldest - _years(rng, 18, 42, 27)
        mother_dob = max(mother_dob, youngest - timedelta(days=int(44 * YEAR)))  # no mothers over 44 at a birth
        mother_dob = min(mother_dob, today - timedelta(days=int(18 * YEAR)), oldest - timedelta(days=int(16 * YEAR)))
        surname_father = self.traits.surname(father_culture, "M")
        mother_last = surname_father if father_home and rng.random() < 0.55 else None
        mother = self.traits.adult(mother_culture, Sex.FEMALE, mother_dob, mother_eth, hh, mother_last)
        home.mother = pop.add_person(mother)
        own_name = mother_last is None and mother.last not in CULTURES[mother_culture].female_surnames
        family_surname = mother.last if own_name else surname_father  # children never take "Begum" or "Kaur"
        if father_home or father_away:
            father = self.traits.adult(father_culture, Sex.MALE, mother_dob - _years(rng, -3, 12, 2), father_eth, hh,
                                       surname_father)
            home.father = pop.add_person(father)
            home.father_lives = father_home
            home.father_pr = father_home or rng.random() < 0.7
            if father_home and rng.random() < 0.85 or father_away and rng.random() < 0.45:
                family_surname = surname_father
        if carer:
            carer_culture = CULTURES_FOR[father_eth].pick(rng) if rng.random() < 0.8 else "british"
            partner = self.traits.adult(carer_culture, Sex.MALE, mother_dob - _years(rng, -5, 12, 2),
                                        father_eth if carer_culture != "british" else WBRI, hh, None)
            home.carer = pop.add_person(partner)
            stepfather = rng.random() < 0.4
            home.carer_type = (RelationshipType.STEPFATHER if stepfather else RelationshipType.MOTHERS_PARTNER).value
            home.carer_pr = stepfather and rng.random() < 0.15
            home.carer_start = youngest + timedelta(days=rng.randrange(max(1, (today - youngest).days)))
        if rng.random() < 0.03:
            home.grandparent = pop.add_person(self.traits.adult(
                mother_culture, Sex.FEMALE if rng.random() < 0.7 else Sex.MALE, mother_dob - _years(rng, 18, 34, 24),
                mother_eth, hh, None))

        used_names: set[str] = set()
        for days in ages:
            self._child(home, hh, today - timedelta(days=days), None, (ethnicity, mother_culture, father_culture),
                        family_surname, used_names, (primary, secondary))
        if unborn:
            self._child(home, hh, None, today + timedelta(days=rng.randrange(1, 183)),
                        (ethnicity, mother_culture, father_culture), family_surname, used_names, (primary, secondary))
        self._addresses(home, oldest, district)

    def _ages(self, count: int) -> list[int]:
        """Ages in days, oldest first. The first child's age is uniform over 0-17; each further child
        is a few years from a sibling (reflected at the ends of the range, which keeps every age
        about equally common), at least ten months from the others unless twins."""
        rng = self.rng
        ages: list[int] = []
        for _ in range(count):
            if not ages:
                ages.append(rng.randrange(MAX_AGE_DAYS))
                continue
            if rng.random() < 0.015:
                ages.append(rng.choice(ages))  # twins
                continue
            for _attempt in range(20):
                age = rng.choice(ages) + rng.choice((-1, 1)) * rng.randrange(330, 1900)
                age = -age if age < 0 else (2 * (MAX_AGE_DAYS - 1) - age if age >= MAX_AGE_DAYS else age)
                if all(abs(age - other) >= 300 for other in ages):
                    break
            ages.append(age)
        return sorted(ages, reverse=True)

    def _child(self, home: Household, hh: int, dob, edd, origins, surname, used_names: set[str], schools) -> None:
        rng, traits = self.rng, self.traits
        ethnicity, mother_culture, father_culture = origins
        mother = self.population.people[home.mother]
        if home.father is None and home.children and rng.random() < 0.12:
            surname = traits.surname(mother_culture, "M")  # a half-sibling by an unrecorded father
        culture = mother_culture if rng.random() < 0.5 else father_culture
        child = traits.child(culture, dob, edd, surname, hh, used_names)
        traits.child_identity(child, ethnicity, culture, mother)
        traits.child_school_and_ids(child, *schools)
        home.children.append(self.population.add_person(child))

    def _addresses(self, home: Household, oldest: date, district: str) -> None:
        rng, today, pop, streets = self.rng, self.today, self.population, self.streets
        moves = 0 if rng.random() >= 0.38 else (1 if rng.random() < 0.7 else 2)
        start = oldest - timedelta(days=rng.randrange(0, 2000))
        span = max(60, (today - oldest).days - 30)
        dates = sorted(oldest + timedelta(days=rng.randrange(1, span)) for _ in range(moves))
        moved_in = start
        for moved_out in dates:
            previous_district = district if rng.random() < 0.7 else rng.choice(DISTRICTS)
            home.previous.append((pop.add_address(streets.address(previous_district)), moved_in, moved_out))
            moved_in = moved_out
        home.address = pop.add_address(streets.address(district))
        home.moved_in = moved_in
        if home.father is not None and not home.father_lives:
            home.father_address = pop.add_address(streets.address(rng.choice(DISTRICTS)))
            home.father_moved_in = today - timedelta(days=rng.randrange(30, 3000))
