"""The census of a small synthetic authority, made by the project's generator and the journey
stages: every rule is checked over the whole authority."""

from collections import Counter
from datetime import date

import pytest

from lantern.returns.cin_census.extract import extract_return
from lantern.returns.cin_census.validate import validate_return
from lantern.returns.cin_census.years import CollectionYear
from lantern.synthetic.generate import generate_authority
from lantern.synthetic.stages import run_journey_stages

TODAY = date(2025, 6, 2)
# Census errors the journey stages still make. Each is for the generator to fix; the census is right
# to report them, and the test below fails (XPASS) once they are gone, so this list is then emptied.
GENERATOR_DEFECTS = {
    "8873": "an episode whose only assessment found no factors (21) does not end with RC8",
    "8606": "a pre-birth referral dated more than 40 weeks before the expected date of birth",
}


def _errors(profile: str) -> Counter:
    generate_authority(800, 7, today=TODAY)
    run_journey_stages(seed=7, profile=profile, years=2, today=TODAY)
    census = extract_return(CollectionYear(2025))
    assert census.children, "the journey stages made no children in need"
    return Counter(i.rule for i in validate_return(census) if i.severity == "error")


@pytest.mark.django_db
@pytest.mark.parametrize("profile", ["well_run", "inspected"])
def test_the_synthetic_authority_breaks_no_census_rule_but_the_generators_known_ones(profile):
    errors = _errors(profile)
    assert {rule: n for rule, n in errors.items() if rule not in GENERATOR_DEFECTS} == {}


@pytest.mark.django_db
@pytest.mark.xfail(strict=True, reason="the journey stages still make: " + "; ".join(GENERATOR_DEFECTS.values()))
def test_the_synthetic_authority_has_no_census_errors_at_all():
    assert _errors("well_run") == Counter()
