"""The census code lists. Most are the apps' own lists (one source for forms, models and the census);
the few only the census uses live here."""

from lantern.assessments.codes import FACTOR_BY_CODE
from lantern.people.codes import Disability, Ethnicity, Sex
from lantern.protection.codes import Category
from lantern.referrals.codes import ClosureReason, PrimaryNeed, ReferralSource

REFERRAL_SOURCES = frozenset(ReferralSource.values)
PRIMARY_NEEDS = frozenset(PrimaryNeed.values)
CLOSURE_REASONS = frozenset(ClosureReason.values)
CATEGORIES = frozenset(Category.values)
ETHNICITIES = frozenset(Ethnicity.values)
DISABILITIES = frozenset(Disability.values)
NO_DISABILITY = Disability.NONE.value
SEXES = frozenset(Sex.values)
FACTORS = frozenset(FACTOR_BY_CODE)
NO_FACTORS = "21"
RETIRED_FACTORS = {"18A": "8945Q", "19A": "8950Q"}
# Closed after assessment: no further action (RC8) or referred to early help (RC9).
CLOSED_AFTER_ASSESSMENT = frozenset({"RC8", "RC9"})
# GenderCurrent (to the 2023-24 census): 0 not known, 1 male, 2 female, 9 not specified.
GENDER_CURRENT = frozenset({"0", "1", "2", "9"})
GENDER_FOR_SEX = {"M": "1", "F": "2", "U": "0"}
SEX_FOR_GENDER = {"1": "M", "2": "F", "0": "U", "9": "U"}

# UPNunknown reasons. UN1..UN7 are valid; 8770Q accepts UN2..UN6 for a school-age child with no
# UPN, and UN7 (referral with no further action) is an error if any episode went further (8772).
UPN_UNKNOWN = frozenset({f"UN{n}" for n in range(1, 8)})
UPN_UNKNOWN_SCHOOL_AGE = frozenset({"UN2", "UN3", "UN4", "UN5", "UN6"})
UPN_UNKNOWN_NFA = "UN7"

# Rule 1530: characters 2-4 of a UPN must be a recognised LA code (DfE list). 942 and 943 were
# added for the 2023-24 census.
_LA_CODE_RANGES = ((1, 5), (201, 213), (301, 320), (330, 336), (340, 344), (350, 359), (370, 373), (380, 384),
                   (390, 394), (660, 681), (701, 708), (800, 803), (805, 808), (810, 813), (820, 823), (835, 839),
                   (850, 852), (855, 857), (865, 896), (935, 938), (940, 941))
_LA_CODES_SINGLE = (420, 815, 816, 825, 826, 830, 831, 840, 841, 845, 846, 860, 861, 908, 909, 916, 919, 921,
                    925, 926, 928, 929, 931, 933)
LA_CODES_2023 = frozenset(f"{n:03d}" for low, high in _LA_CODE_RANGES for n in range(low, high + 1)) | frozenset(
    f"{n:03d}" for n in _LA_CODES_SINGLE)
LA_CODES_FROM_2024 = LA_CODES_2023 | {"942", "943"}


def la_codes_for(year: int) -> frozenset[str]:
    return LA_CODES_2023 if year <= 2023 else LA_CODES_FROM_2024
