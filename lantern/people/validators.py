"""Identifier checks: NHS number (modulus 11) and unique pupil number (DfE check letter)."""

import re

from django.core.exceptions import ValidationError

UPN_CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"  # A-Z without I, O and S: 23 letters for mod 23
_UPN_SHAPE = re.compile(r"^[A-Z]\d{3}\d{8}[0-9A-HJ-NP-RT-Z]$")


def nhs_number_is_valid(value: str) -> bool:
    if not re.fullmatch(r"\d{10}", value):
        return False
    total = sum(int(digit) * weight for digit, weight in zip(value[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(value[9])


def upn_check_letter(body: str) -> str:
    """The check letter for characters 2-13 of a UPN: weights 2..13, sum mod 23."""
    total = 0
    for weight, char in enumerate(body, start=2):
        value = int(char) if char.isdigit() else UPN_CHECK_LETTERS.index(char)
        total += value * weight
    return UPN_CHECK_LETTERS[total % 23]


def upn_is_valid(value: str) -> bool:
    return bool(_UPN_SHAPE.match(value)) and upn_check_letter(value[1:]) == value[0]


def normalise_identifier(value: str) -> str:
    return re.sub(r"[\s-]", "", value or "").upper()


def validate_nhs_number(value: str) -> None:
    if value and not nhs_number_is_valid(normalise_identifier(value)):
        raise ValidationError(
            "Enter a valid NHS number: 10 digits whose last digit is the modulus 11 check digit",
            code="invalid_nhs_number",
        )


def validate_upn(value: str) -> None:
    if value and not upn_is_valid(normalise_identifier(value)):
        raise ValidationError(
            "Enter a valid unique pupil number: a check letter, a 3-digit local authority code, "
            "8 digits and a final digit or letter, with the right check letter",
            code="invalid_upn",
        )
