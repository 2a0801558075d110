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


def _errors(profile: str) -> Counter:
    generate_authority(800, 7, today=TODAY)
    run_journey_stages(seed=7, profile=profile, years=2, today=TODAY)
    census = extract_return(CollectionYear(2025))
    assert census.children, "the journey stages made no children in need"
    return Counter(i.rule for i in validate_return(census) if i.severity == "error")


@pytest.mark.django_db
@pytest.mark.parametrize("profile", ["well_run", "inspected"])
def test_the_synthetic_authority_breaks_no_census_rule(profile):
    assert _errors(profile) == Counter()
