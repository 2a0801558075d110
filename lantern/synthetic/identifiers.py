"""Synthetic identifiers that pass the real checks but can never belong to anyone.

NHS numbers come from the 999 range, which the NHS keeps for testing and never issues; UPNs carry
the fictional local authority code 333 and a correct check letter; Social Work England numbers
are "SW" and six digits drawn from a range the demo accounts stay clear of."""

from random import Random

from lantern.people.validators import upn_check_letter

from .places import LA_CODE

_NHS_WEIGHTS = tuple(range(10, 1, -1))


def nhs_check_digit(nine: str) -> int | None:
    total = sum(int(digit) * weight for digit, weight in zip(nine, _NHS_WEIGHTS, strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    return None if check == 10 else check


class NhsNumbers:
    """Unique NHS numbers of the form 999xxxxxxC."""

    CAPACITY = 900_000  # about 10/11 of the million 999 numbers have a usable check digit

    def __init__(self, rng: Random, taken: set[str] | None = None):
        self.rng = rng
        self.taken = set(taken or ())

    def next(self) -> str:
        if len(self.taken) >= self.CAPACITY * 0.9:
            raise RuntimeError("The 999 test range of NHS numbers is nearly used up")
        while True:
            nine = f"999{self.rng.randrange(1_000_000):06d}"
            check = nhs_check_digit(nine)
            if check is None:
                continue
            number = f"{nine}{check}"
            if number not in self.taken:
                self.taken.add(number)
                return number


class Upns:
    """Unique pupil numbers: check letter, LA code 333, the first school's DfE number (4 digits),
    the two-digit year the number was issued, and a three-digit serial."""

    def __init__(self, taken: set[str] | None = None):
        self.taken = set(taken or ())
        self.serials: dict[tuple[int, int], int] = {}

    def next(self, school_number: int, year: int) -> str | None:
        key = (school_number, year % 100)
        serial = self.serials.get(key, 0)
        while serial < 999:
            serial += 1
            body = f"{LA_CODE}{school_number:04d}{year % 100:02d}{serial:03d}"
            upn = upn_check_letter(body) + body
            if upn not in self.taken:
                self.serials[key] = serial
                self.taken.add(upn)
                return upn
        self.serials[key] = serial
        return None  # that school's numbers for that year are used up; the caller tries another


class SweNumbers:
    """Social Work England registration numbers for generated staff: SW100000 to SW899999."""

    def __init__(self, rng: Random, taken: set[str] | None = None):
        self.rng = rng
        self.taken = set(taken or ())

    def next(self) -> str:
        while True:
            number = f"SW{self.rng.randrange(100_000, 900_000)}"
            if number not in self.taken:
                self.taken.add(number)
                return number
