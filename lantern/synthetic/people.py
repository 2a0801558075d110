"""In-memory records of the generated people and households, before they become rows.

Kept compact (slotted objects, indices instead of references) so that 300,000 children and their
families fit comfortably in memory on a small machine."""

from datetime import date


class PersonPlan:
    __slots__ = ("first", "middle", "last", "known_as", "dob", "edd", "sex", "ethnicity", "language",
                 "interpreter", "religion", "nhs", "upn", "is_child", "disabilities", "school", "household")

    def __init__(self, first: str, last: str, sex: str, dob: date | None, *, is_child: bool, household: int):
        self.first, self.last, self.sex, self.dob = first, last, str(sex), dob
        self.middle = self.known_as = self.nhs = self.upn = ""
        self.edd: date | None = None
        self.ethnicity = self.language = self.religion = ""
        self.interpreter = False
        self.is_child = is_child
        self.disabilities: tuple[str, ...] = ()
        self.school: int | None = None  # agency id of the child's current school
        self.household = household

    def age_on(self, on: date) -> int | None:
        if self.dob is None:
            return None
        return on.year - self.dob.year - ((on.month, on.day) < (self.dob.month, self.dob.day))


class Household:
    """One home: the mother, a father or male carer (or neither), any grandparent, the children.

    ``father_lives`` says whether the father lives here; a father living elsewhere has his own
    address. ``previous`` lists earlier homes as (address index, moved in, moved out)."""

    __slots__ = ("mother", "father", "father_lives", "father_pr", "carer", "carer_type", "carer_start",
                 "carer_pr", "grandparent", "children", "address", "moved_in", "previous", "father_address",
                 "father_moved_in")

    def __init__(self):
        self.mother: int = -1
        self.father: int | None = None
        self.father_lives = self.father_pr = False
        self.carer: int | None = None
        self.carer_type = ""
        self.carer_start: date | None = None
        self.carer_pr = False
        self.grandparent: int | None = None
        self.children: list[int] = []
        self.address = -1
        self.moved_in: date | None = None
        self.previous: list[tuple[int, date, date]] = []
        self.father_address: int | None = None
        self.father_moved_in: date | None = None

    def adults(self) -> list[int]:
        return [i for i in (self.mother, self.father, self.carer, self.grandparent) if i is not None]


class Population:
    def __init__(self):
        self.people: list[PersonPlan] = []
        self.households: list[Household] = []
        self.addresses: list[tuple[str, str, str, str]] = []

    def add_person(self, person: PersonPlan) -> int:
        self.people.append(person)
        return len(self.people) - 1

    def add_address(self, address: tuple[str, str, str, str]) -> int:
        self.addresses.append(address)
        return len(self.addresses) - 1
