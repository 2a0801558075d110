import pytest
from hypothesis import given
from hypothesis import strategies as st

from lantern.people.validators import nhs_number_is_valid, upn_check_letter, upn_is_valid
from lantern.testing.factories import synthetic_nhs_number, synthetic_upn


def test_nhs_number_check_digit_worked_by_hand():
    # 999 000 001 ?: weights 10..2 give 9*10+9*9+9*8+0*7+0*6+0*5+0*4+0*3+1*2 = 245; 245 % 11 = 3; 11-3 = 8
    assert nhs_number_is_valid("9990000018")
    assert not nhs_number_is_valid("9990000017")


@pytest.mark.parametrize("value", ["", "12345", "99900000180", "99900000a8", "999 000 0018"])
def test_nhs_number_shape_is_checked(value):
    assert not nhs_number_is_valid(value)


@given(st.integers(min_value=0, max_value=100_000))
def test_synthetic_nhs_numbers_are_valid_and_any_single_digit_change_is_caught(serial):
    number = synthetic_nhs_number(serial)
    assert nhs_number_is_valid(number)
    position = serial % 10
    wrong = str((int(number[position]) + 1) % 10)
    assert not nhs_number_is_valid(number[:position] + wrong + number[position + 1:])


def test_upn_check_letter_worked_by_hand():
    # body 333000000011: weights 2..13 → 3*2+3*3+3*4+1*12+1*13 = 52; 52 % 23 = 6 → 7th letter of A-Z without I,O,S = G
    assert upn_check_letter("333000000011") == "G"
    assert upn_is_valid("G333000000011")
    assert not upn_is_valid("H333000000011")


@given(st.integers(min_value=0, max_value=99_999_999))
def test_synthetic_upns_are_valid(serial):
    assert upn_is_valid(synthetic_upn(serial))


@pytest.mark.parametrize("value", ["A33300000001", "1333000000011", "G33300000001I", "g333000000011"])
def test_upn_shape_is_checked(value):
    assert not upn_is_valid(value)
