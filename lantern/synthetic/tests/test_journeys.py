"""The journey stages together: the front door's referrals flow into assessments, plans and
closures, and every deadline they start is stored."""

from datetime import date

import pytest

from lantern.assessments.models import Assessment
from lantern.obligations.models import Obligation
from lantern.referrals.models import Episode
from lantern.synthetic.generate import generate_authority
from lantern.synthetic.stages import journey_stages, run_journey_stages


@pytest.fixture
def journeys(db):
    today = date(2026, 11, 2)
    generate_authority(1500, 11, today=today)
    return run_journey_stages(seed=11, profile="well_run", years=2, today=today)


def test_every_part_of_the_journey_has_a_stage():
    assert [name for name, _ in journey_stages()][:2] == ["frontdoor", "referrals"]


def test_front_door_referrals_are_assessed(journeys):
    referred = Episode.objects.filter(referral_nfa=False)
    assessed = referred.filter(pk__in=Assessment.objects.values("episode_id"))
    assert referred.count() > 50
    assert assessed.count() == referred.count()


def test_every_deadline_is_stored_and_a_well_run_authority_is_mostly_on_time(journeys):
    assert Obligation.objects.filter(source_type="referrals.episode").count() >= Episode.objects.filter(
        referral_nfa=False).count()
    due = Obligation.objects.filter(due_date__lt=date(2026, 11, 2))
    late = due.filter(met_on__isnull=True, withdrawn_on__isnull=True).count() + sum(
        1 for o in due.exclude(met_on=None).only("met_on", "due_date") if o.met_on > o.due_date)
    assert due.count() > 100 and late / due.count() < 0.25
