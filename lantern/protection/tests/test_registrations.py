"""What this part registers with the shared pieces: code lists in step with the accounts app, the
chronology, the episode's activity for the closure rules, and deadline sources that recompute to the
same rows."""

import pytest

from lantern.accounts.roles import AgencyKind
from lantern.chronology.registry import events_for
from lantern.obligations.engine import recompute_all
from lantern.obligations.models import Obligation
from lantern.referrals.services.episodes import closure_errors

from ..codes import MeetingAgency, referrer_agency_for
from .factories import plan_for_child, working_days_ago

pytestmark = pytest.mark.django_db


def test_meeting_agencies_cover_every_partner_agency_kind():
    assert set(AgencyKind.values) <= set(MeetingAgency.values)
    assert (referrer_agency_for("6"), referrer_agency_for("3B"), referrer_agency_for("1A")) == ("police", "health", "")


def test_the_journey_is_in_the_chronology_and_blocks_a_closure_as_no_further_action(social_worker, manager, chair,
                                                                                   child):
    plan = plan_for_child(social_worker, manager, chair, child)
    kinds = {e.kind for e in events_for(child)}
    assert {"strategy_discussion", "s47_enquiry", "cp_conference", "cp_plan"} <= kinds
    errors = closure_errors(plan.episode, working_days_ago(0), "RC8")
    assert errors  # RC8 is for an assessment with no enquiry, conference or plan (census rule 2990)


def test_recomputing_every_deadline_gives_the_same_rows(social_worker, manager, chair, child):
    plan_for_child(social_worker, manager, chair, child)
    before = sorted(Obligation.objects.filter(source_type__startswith="protection.").values_list(
        "source_type", "source_id", "rule_id", "occurrence", "due_date", "met_on", "withdrawn_on"))
    recompute_all()
    after = sorted(Obligation.objects.filter(source_type__startswith="protection.").values_list(
        "source_type", "source_id", "rule_id", "occurrence", "due_date", "met_on", "withdrawn_on"))
    assert before == after and len(before) >= 8
