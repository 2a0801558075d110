"""The dashboard's figures, measure by measure, from records made directly, with exact numerators
and denominators; the children behind each number match it; a reader sees only their own children."""

from datetime import date, datetime, time

import pytest
from django.utils import timezone

from lantern.accounts.roles import Role
from lantern.audit_log.models import AuditEvent
from lantern.frontdoor.models import Contact, ContactDecision, ContactPerson
from lantern.frontdoor.testing import level
from lantern.obligations.models import Obligation
from lantern.people.models import Allocation
from lantern.protection.models import CpVisit
from lantern.returns.performance.measures import BY_ID, MEASURES
from lantern.returns.performance.periods import current_statistical_year, year_to_march
from lantern.returns.performance.services import dashboard, measure_children
from lantern.testing.factories import ChildFactory, ServiceFactory, TeamFactory, UserFactory
from lantern.visits.models import Visit

from . import casework as cw

FY = current_statistical_year(timezone.localdate()) - 1  # the last whole year to 31 March


def on(month: int, day: int) -> date:
    """A day of the test year: April to December in FY, January to March in FY + 1."""
    return date(FY if month >= 4 else FY + 1, month, day)


BEFORE = date(FY, 3, 31)  # the day before the test year
AFTER = date(FY + 1, 4, 2)  # after it


def _contact(child, received, *, outcome=None, rereferral=False, decided=None, screener=None):
    contact = Contact.objects.create(status="decided" if outcome else "received", channel="screener", source="2A",
                                     received_on=received, decision_due=received,
                                     received_at=timezone.make_aware(datetime.combine(received, time(9))))
    ContactPerson.objects.create(contact=contact, first_name="Test", last_name="Child", person=child)
    if outcome:
        when = decided or received
        ContactDecision.objects.create(contact=contact, status="final", outcome=outcome,
                                       threshold_level=level("Universal"), rationale="Checked", decided_by=screener,
                                       decided_at=timezone.make_aware(datetime.combine(when, time(15))),
                                       effective_on=when, rereferral=rereferral)
    return contact


def _obligation(child, rule_id, due, met=None, withdrawn=None):
    return Obligation.objects.create(source_type="test.source", source_id=Obligation.objects.count() + 1,
                                     rule_id=rule_id, child=child, start_date=due, due_date=due, met_on=met,
                                     withdrawn_on=withdrawn)


@pytest.fixture
def world(team, social_worker, chair, make_user):
    return build_world(team, social_worker, chair, make_user)


def build_world(team, social_worker, chair, make_user) -> dict:
    """Children a, c, d in the shared service's team; b in a team of another service. The team
    manager (in the shared service) sees a, c and d, not b; the analyst sees everyone."""
    far_team = TeamFactory.create(service=ServiceFactory.create(name="Far service"))
    far_worker = UserFactory.create(role=Role.SOCIAL_WORKER, team=far_team)
    screener = make_user(Role.FRONT_DOOR_SCREENER)
    a = ChildFactory.create(current_team=team, current_worker=social_worker, first_name="Amira")
    b = ChildFactory.create(current_team=far_team, current_worker=far_worker, first_name="Kofi")
    c = ChildFactory.create(current_team=team, current_worker=social_worker, first_name="Ruby")
    d = ChildFactory.create(current_team=team, current_worker=social_worker, first_name="Oliwia")
    e = ChildFactory.create(current_team=team, first_name="Jayden")
    # The front door: four contacts in the year (one not matched to a child), one the year before.
    _contact(a, on(5, 10), outcome="referral", rereferral=True, screener=screener)
    _contact(b, on(6, 1), outcome="nfa", screener=screener)
    unmatched = Contact.objects.create(status="received", channel="screener", source="2A", received_on=on(7, 1),
                                       decision_due=on(7, 2))
    ContactPerson.objects.create(contact=unmatched, first_name="Not", last_name="Matched")
    ContactDecision.objects.create(contact=unmatched, status="final", outcome="advice",
                                   threshold_level=level("Universal"), rationale="Advice given",
                                   decided_by=screener, decided_at=timezone.now(),
                                   effective_on=on(7, 2))
    _contact(b, on(8, 1), outcome="strategy", decided=on(8, 2), screener=screener)
    _contact(a, BEFORE, outcome="referral", screener=screener)
    Contact.objects.create(status="draft", channel="online_form", source="2A")
    # Deadlines from the statutory clock.
    _obligation(a, "referral_decision", on(5, 11), met=on(5, 10))
    _obligation(b, "referral_decision", on(6, 3), met=on(6, 5))
    _obligation(a, "referral_decision", on(7, 2))  # never made: late
    _obligation(a, "referral_decision", on(9, 10), withdrawn=on(9, 9))  # stopped applying before due: left out
    _obligation(a, "referral_decision", AFTER)  # after the year: left out
    _obligation(a, "single_assessment", on(10, 1), met=on(9, 30))
    _obligation(b, "single_assessment", on(11, 1), met=on(11, 1))
    _obligation(b, "initial_cp_conference", on(12, 2), met=on(12, 5))
    _obligation(b, "initial_cp_conference", on(1, 10), withdrawn=on(1, 20))  # withdrawn after it was due: late
    _obligation(a, "core_group", on(2, 3), met=on(2, 1))
    _obligation(a, "cp_visit", on(3, 31), met=on(3, 31))
    _obligation(a, "cin_visit", on(4, 1))
    # Child protection: b's second plan ends early; c's long plan ends; a's plan is open at the year's end.
    eb = cw.episode(b, far_worker, referral=on(4, 20), closure_date=on(9, 1), closure_reason="RC1")
    plan_b = cw.cp_plan(cw.initial_conference(cw.enquiry(eb, far_worker, start=on(5, 1)), chair, day=on(5, 20)),
                        end=on(8, 15), category="NEG")
    plan_b.previous_plans = 1
    plan_b.save()
    ea = cw.episode(a, social_worker, referral=on(5, 1))
    plan_a = cw.cp_plan(cw.initial_conference(cw.enquiry(ea, social_worker, start=on(5, 20)), chair, day=on(6, 10)),
                        category="PHY")
    ec = cw.episode(c, social_worker, referral=date(FY - 2, 12, 20))
    cw.cp_plan(cw.initial_conference(cw.enquiry(ec, social_worker, start=date(FY - 2, 12, 21)), chair,
                                     day=date(FY - 1, 1, 10)), end=on(12, 1), category="EMO")
    ed = cw.episode(d, social_worker, referral=on(9, 1))
    cw.cin_plan(ed, social_worker, start=on(10, 1))
    cw.episode(e, social_worker, referral=on(9, 1), referral_nfa=True)
    # Visits: seen alone, seen with a parent, not seen (not counted), and a CP visit seen alone.
    for day, seen, alone in ((on(5, 1), True, True), (on(5, 2), True, False), (on(5, 3), False, None)):
        Visit.objects.create(child=a, episode=ea, kind="cin", visit_date=day, child_seen=seen, seen_alone=alone,
                             observations="Home visit", recorded_by=social_worker)
    CpVisit.objects.create(plan=plan_b, child=b, visit_date=on(6, 1), visited_by=far_worker, child_seen=True,
                           seen_alone=True, observations="Visit", recorded_by=far_worker)
    # Allocations: a has had three workers in the year; b one; c's allocation ended before it.
    w2, w3 = UserFactory.create(team=team), UserFactory.create(team=team)
    Allocation.objects.create(child=a, team=team, worker=social_worker, start_date=BEFORE.replace(day=1),
                              end_date=on(5, 1))
    Allocation.objects.create(child=a, team=team, worker=w2, start_date=on(5, 2), end_date=on(9, 1))
    Allocation.objects.create(child=a, team=team, worker=w3, start_date=on(9, 2))
    Allocation.objects.create(child=b, team=far_team, worker=far_worker, start_date=on(4, 1))
    Allocation.objects.create(child=c, team=team, worker=social_worker, start_date=date(FY - 1, 1, 1),
                              end_date=BEFORE)
    manager = make_user(Role.TEAM_MANAGER, team=team)
    return {"a": a, "b": b, "c": c, "d": d, "e": e, "manager": manager, "plan_a": plan_a}


EXPECTED = {  # measure: (numerator, denominator)
    "contacts": (2, 4),
    "rereferrals": (1, 2),
    "decisions_1wd": (1, 3),
    "assessments_45wd": (2, 2),
    "icpc_15wd": (0, 2),
    "core_groups": (1, 1),
    "cp_visits": (1, 1),
    "cin_visits": (0, 1),
    "plans_ended_3m": (1, 2),
    "second_plans": (1, 2),
    "plans_by_category": (1, 1),
    "seen_alone": (2, 3),
    "cin_with_plan": (2, 3),
    "worker_changes": (1, 2),
    "caseloads": (4, 2),
}


def _board(user):
    today = timezone.localdate()
    return dashboard(actor=user, period=year_to_march(FY, today), today=today)


def test_every_measure_counts_exactly(world, analyst):
    assert set(EXPECTED) == {m.id for m in MEASURES}
    board = _board(analyst)
    got = {card.measure.id: (card.figure.numerator, card.figure.denominator) for card in board.cards}
    assert got == EXPECTED
    assert board.card("rereferrals").figure.percent == 50.0
    assert board.card("decisions_1wd").figure.percent == 33.3
    assert board.card("contacts").figure.extra == {"received": 4}


def test_monthly_series_and_bars(world, analyst):
    board = _board(analyst)
    decisions = {p.month: (p.numerator, p.denominator) for p in board.card("decisions_1wd").figure.series}
    assert len(decisions) == 12 and min(decisions) == on(4, 1) and max(decisions) == on(3, 1)
    assert decisions[on(5, 1)] == (1, 1) and decisions[on(6, 1)] == (0, 1) and decisions[on(7, 1)] == (0, 1)
    assert sum(n for n, _ in decisions.values()) == 1 and sum(d for _, d in decisions.values()) == 3
    on_plans = {p.month: p.numerator for p in board.card("plans_by_category").figure.series}
    # c's plan is open from April to November; b's from May 20 to August 15; a's from June 10.
    assert on_plans[on(4, 1)] == 1 and on_plans[on(5, 1)] == 2 and on_plans[on(6, 1)] == 3
    assert on_plans[on(8, 1)] == 2 and on_plans[on(11, 1)] == 2 and on_plans[on(12, 1)] == 1
    categories = {bar["key"]: bar["count"] for bar in board.card("plans_by_category").figure.bars}
    assert categories == {"NEG": 0, "PHY": 1, "SAB": 0, "EMO": 0, "MUL": 0}
    caseloads = board.card("caseloads").figure
    assert caseloads.extra == {"average": 2.0, "median": 2.0}
    assert [bar["count"] for bar in caseloads.bars] == [2, 0, 0, 0, 0, 0]
    with_plan = board.card("cin_with_plan").figure.series
    assert (with_plan[-1].numerator, with_plan[-1].denominator) == (2, 3)


def test_england_figures_only_where_the_reference_has_one(world, analyst):
    assert BY_ID["rereferrals"].england.percent == 22.6
    assert BY_ID["icpc_15wd"].england.percent == 81.0
    assert BY_ID["plans_ended_3m"].england.percent == 15.9
    assert {m.id for m in MEASURES if m.england} == {"rereferrals", "icpc_15wd", "plans_ended_3m"}


@pytest.mark.parametrize("measure_id", list(EXPECTED))
def test_children_behind_each_number_add_up(world, analyst, measure_id):
    today = timezone.localdate()
    period = year_to_march(FY, today)
    numerator, denominator = EXPECTED[measure_id]
    everything = measure_children(actor=analyst, measure=BY_ID[measure_id], period=period, today=today)
    counted = measure_children(actor=analyst, measure=BY_ID[measure_id], period=period, today=today, part="met")
    if measure_id == "caseloads":
        denominator = numerator  # the rows are the children; the denominator counts workers
    assert everything.total == denominator and counted.total == numerator
    assert everything.hidden == 0 and len(everything.rows) == everything.shown == denominator - everything.unlinked
    assert all(row.met for row in counted.rows)


def test_a_manager_sees_only_their_services_children_and_the_rest_are_counted(world):
    today = timezone.localdate()
    period = year_to_march(FY, today)
    listing = measure_children(actor=world["manager"], measure=BY_ID["contacts"], period=period, today=today)
    assert (listing.total, listing.shown, listing.hidden, listing.unlinked) == (4, 1, 2, 1)
    assert [row.child for row in listing.rows] == [world["a"]]
    visits = measure_children(actor=world["manager"], measure=BY_ID["seen_alone"], period=period, today=today,
                              part="met")
    assert (visits.total, visits.shown, visits.hidden) == (2, 1, 1)
    event = AuditEvent.objects.filter(object_type="performance_children").latest("pk")
    assert event.actor == world["manager"] and event.action == "list" and "1 hidden" in event.detail


def test_the_dashboard_is_audited_as_counts_only(world, analyst):
    _board(analyst)
    event = AuditEvent.objects.get(object_type="performance_dashboard")
    assert event.actor == analyst and event.child_id is None and "counts only" in event.detail


def test_groups_narrow_a_bar(world, analyst):
    today = timezone.localdate()
    period = year_to_march(FY, today)
    phy = measure_children(actor=analyst, measure=BY_ID["plans_by_category"], period=period, today=today, group="PHY")
    assert [row.child for row in phy.rows] == [world["a"]]
    small = measure_children(actor=analyst, measure=BY_ID["caseloads"], period=period, today=today, group="1-5")
    assert small.total == 4
