"""The front door's synthetic history on a small authority: volumes in proportion, and the same
invariants the services keep."""

from collections import defaultdict
from datetime import timedelta
from random import Random

import pytest
from django.utils import timezone

from lantern.frontdoor.codes import ContactStatus, DecisionStatus
from lantern.frontdoor.models import Contact, ContactDecision, ContactPerson, DomesticAbuseNotification
from lantern.frontdoor.synthetic import synthesise
from lantern.referrals.models import Episode
from lantern.synthetic.generate import generate_authority
from lantern.synthetic.stages import StageContext

CHILDREN = 600


def _ctx(profile: str) -> StageContext:
    return StageContext(rng=Random(f"7:frontdoor:{profile}"), today=timezone.localdate(), profile=profile, years=3,
                        seed=7, log=lambda message: None)


@pytest.fixture
def authority(db):
    return generate_authority(CHILDREN, 7)


@pytest.mark.parametrize("profile", ["well_run", "inspected"])
def test_volumes_follow_the_authority_and_the_profile(authority, profile):
    counts = synthesise(_ctx(profile))
    expected = CHILDREN * 20_000 / 85_000 * 3
    assert 0.85 * expected <= counts["contacts"] <= 1.15 * expected
    assert counts["notifications"] >= round(CHILDREN * 4_840 / 85_000 * 3) * 0.95
    decided = ContactDecision.objects.filter(status=DecisionStatus.FINAL)
    referrals = decided.filter(outcome__in=("referral", "strategy")).count()
    assert 0.14 <= referrals / counts["contacts"] <= 0.27
    rereferrals = decided.filter(outcome__in=("referral", "strategy"), rereferral=True).count()
    assert 0.12 <= rereferrals / referrals <= 0.38
    assert DomesticAbuseNotification.objects.count() == counts["notifications"]


def test_the_history_keeps_the_services_invariants(authority):
    synthesise(_ctx("well_run"))
    for decision in ContactDecision.objects.select_related("threshold_level", "contact"):
        assert decision.threshold_level.allows(decision.outcome), decision.outcome
        if decision.status == DecisionStatus.FINAL:
            assert decision.contact.status == ContactStatus.DECIDED and decision.effective_on >= \
                decision.contact.received_on
    assert not ContactPerson.objects.filter(role="child", person__isnull=True).exists()
    by_child = defaultdict(list)
    for e in Episode.objects.order_by("child_id", "referral_date"):
        by_child[e.child_id].append(e)
    for episodes in by_child.values():
        for earlier, later in zip(episodes, episodes[1:], strict=False):
            assert earlier.closure_date is not None and earlier.closure_date <= later.referral_date
    for mention in ContactPerson.objects.filter(episode__isnull=False, contact__decisions__outcome="referral"):
        assert mention.episode.referral_date == mention.contact.received_on
    assert not Contact.objects.filter(received_at__gt=timezone.now() + timedelta(seconds=1)).exists()


def test_the_inspected_authority_shows_what_the_inspection_found(authority):
    synthesise(_ctx("inspected"))
    notifications = DomesticAbuseNotification.objects.count()
    assessed = DomesticAbuseNotification.objects.filter(
        contact__decisions__status="final", contact__decisions__outcome__in=("referral", "strategy")).count()
    assert assessed / notifications < 0.12
    partner = Contact.objects.exclude(channel="police_notification")
    assert partner.filter(channel="online_form").count() < 0.15 * partner.count()
    assert partner.filter(discussed_with_parents=False).count() > 0.35 * partner.count()
