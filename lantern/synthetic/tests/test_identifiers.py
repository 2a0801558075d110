"""Synthetic identifiers pass the real checks and stay in their reserved ranges."""

from random import Random

from lantern.people.validators import nhs_number_is_valid, upn_is_valid
from lantern.synthetic.identifiers import NhsNumbers, SweNumbers, Upns
from lantern.synthetic.places import StreetMap


def test_nhs_numbers_are_unique_valid_and_in_the_999_test_range():
    numbers = NhsNumbers(Random(1), taken={"9990000007"})
    drawn = [numbers.next() for _ in range(20_000)]
    assert len(set(drawn)) == len(drawn) and "9990000007" not in drawn
    assert all(n.startswith("999") and nhs_number_is_valid(n) for n in drawn)


def test_upns_carry_la_code_333_a_check_letter_and_never_repeat():
    upns = Upns()
    drawn = [upns.next(2001, 2019) for _ in range(999)]
    assert all(upn and upn_is_valid(upn) and upn[1:8] == "3332001" and upn[8:10] == "19" for upn in drawn)
    assert len(set(drawn)) == 999
    assert upns.next(2001, 2019) is None  # that school's numbers for that year are used up


def test_social_work_england_numbers_are_unique_and_clear_of_the_demo_range():
    swe = SweNumbers(Random(2))
    drawn = [swe.next() for _ in range(5_000)]
    assert len(set(drawn)) == len(drawn)
    assert all(len(n) == 8 and n.startswith("SW") and 100_000 <= int(n[2:]) < 900_000 for n in drawn)


def test_addresses_are_never_shared_between_households():
    streets = StreetMap(Random(3), households=5_000)
    addresses = [streets.address("LZ2") for _ in range(5_000)]
    assert len({a[0] for a in addresses}) == len(addresses)
    assert all(a[1:3] == ("Ashcombe", "Brindleford") and a[3].startswith("LZ2 ") for a in addresses)
