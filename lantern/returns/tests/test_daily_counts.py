"""The daily counts the database keeps (performance/daily_counts.py) stay equal to a count from
scratch through inserts, updates and deletes made every way the application writes: single saves,
bulk updates, deletes, and a recompute of due dates; and the dashboard read from them gives the
same figures as the queries over the rows themselves."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.db.models import Count, F, Q
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lantern.frontdoor.models import Contact, ContactDecision
from lantern.obligations.models import Obligation
from lantern.returns.models import DailyCount
from lantern.returns.performance import daily_counts
from lantern.returns.performance.figures import OBLIGATION_MEASURES, counted_obligations, front_door, timeliness
from lantern.returns.performance.periods import period_for, year_to_march
from lantern.testing.factories import ChildFactory

from .test_performance_figures import FY, _contact, _obligation, build_world, on

pytestmark = pytest.mark.django_db

RULES = ("cp_visit", "cin_visit", "core_group")
DAY = date(2026, 3, 2)


def _kept(source: str) -> dict:
    return {(row.key, row.day): (row.total, row.count_a, row.count_b)
            for row in DailyCount.objects.filter(source=source) if row.total or row.count_a or row.count_b}


def test_counts_follow_saves_updates_and_deletes():
    child = ChildFactory.create()
    late = _obligation(child, "cp_visit", DAY, met=DAY + timedelta(days=2))
    on_time = _obligation(child, "cp_visit", DAY, met=DAY)
    _obligation(child, "cp_visit", DAY)
    _obligation(child, "cp_visit", DAY, withdrawn=DAY - timedelta(days=1))  # stopped applying before it fell due
    assert _kept("obligation") == {("cp_visit", DAY): (3, 2, 1)}

    late.met_on = DAY  # recorded again as met on time
    late.save()
    assert _kept("obligation") == {("cp_visit", DAY): (3, 2, 2)}

    Obligation.objects.filter(pk=on_time.pk).update(due_date=DAY + timedelta(days=7), rule_id="cin_visit")
    assert _kept("obligation") == {("cp_visit", DAY): (2, 1, 1), ("cin_visit", DAY + timedelta(days=7)): (1, 1, 1)}

    Obligation.objects.filter(rule_id="cp_visit").delete()
    assert _kept("obligation") == {("cin_visit", DAY + timedelta(days=7)): (1, 1, 1)}
    assert daily_counts.drift(connection) == {}


def test_contacts_and_decisions_are_counted_by_day(team, social_worker, chair, make_user):
    build_world(team, social_worker, chair, make_user)
    drafts = Contact.objects.filter(status="draft").count()
    assert daily_counts.drift(connection) == {}
    received = sum(total for total, _, _ in _kept("contact").values())
    assert received == Contact.objects.exclude(status="draft").exclude(received_on=None).count()
    assert drafts == 0 or received < Contact.objects.count()
    decided = _kept("contact_decision")
    finals = ContactDecision.objects.filter(status="final").exclude(effective_on=None)
    assert sum(total for total, _, _ in decided.values()) == finals.count()
    assert sum(a for _, a, _ in decided.values()) == finals.filter(outcome__in=("referral", "strategy")).count()

    ContactDecision.objects.filter(status="final").update(status="returned")
    assert _kept("contact_decision") == {}
    assert daily_counts.drift(connection) == {}


def test_a_recompute_of_due_dates_keeps_the_counts(team, social_worker, chair, make_user):
    from lantern.obligations.recompute import recompute_due_dates

    build_world(team, social_worker, chair, make_user)
    Obligation.objects.update(due_date=date(2000, 1, 3))  # every stored date wrong
    assert set(_kept("obligation")) == {(rule, date(2000, 1, 3)) for rule in
                                        Obligation.objects.values_list("rule_id", flat=True)}
    recompute_due_dates()
    assert daily_counts.drift(connection) == {}


def test_drift_finds_a_count_changed_behind_the_triggers_and_rebuild_mends_it():
    child = ChildFactory.create()
    _obligation(child, "cp_visit", DAY, met=DAY)
    DailyCount.objects.filter(source="obligation").update(total=5)
    assert daily_counts.drift(connection) == {"obligation": [("cp_visit", str(DAY), (5, 1, 1), (1, 1, 1))]}
    daily_counts.rebuild(connection)
    assert daily_counts.drift(connection) == {}


def _timeliness_from_rows(period, today) -> dict:
    """The measure counted from the rows themselves, as the drill-down lists them."""
    rows = (counted_obligations(period, today).filter(rule_id__in=list(OBLIGATION_MEASURES),
                                                      due_date__gte=period.start)
            .values("rule_id").annotate(den=Count("pk"), num=Count("pk", filter=Q(met_on__lte=F("due_date")))))
    found = {measure: (0, 0) for measure in OBLIGATION_MEASURES.values()}
    for row in rows:
        found[OBLIGATION_MEASURES[row["rule_id"]]] = (row["num"], row["den"])
    return found


day_offsets = st.integers(min_value=-40, max_value=40)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(RULES), day_offsets, st.one_of(st.none(), day_offsets),
                          st.one_of(st.none(), day_offsets)), max_size=25),
       st.lists(st.tuples(st.integers(min_value=0, max_value=24), day_offsets), max_size=8))
def test_figures_from_the_counts_equal_figures_from_the_rows(deadlines, changes):
    """Whatever the deadlines (due around today, met early, late or not, withdrawn before or
    after) and whatever later changes to their met dates, both ways of counting agree."""
    Obligation.objects.all().delete()
    today = timezone.localdate()
    child = ChildFactory.create()
    made = [_obligation(child, rule, today + timedelta(days=due),
                        met=None if met is None else today + timedelta(days=due + met),
                        withdrawn=None if gone is None else today + timedelta(days=due + gone))
            for rule, due, met, gone in deadlines]
    for index, offset in changes:
        if made and index < len(made):
            Obligation.objects.filter(pk=made[index].pk).update(met_on=today + timedelta(days=offset))
    period = period_for(None, today)  # the last 12 months
    figures = timeliness(period, today)
    assert {measure: (f.numerator, f.denominator) for measure, f in figures.items()} == \
        _timeliness_from_rows(period, today)
    assert daily_counts.drift(connection) == {}


def test_front_door_from_the_counts_matches_the_decisions(team, social_worker, chair, make_user):
    build_world(team, social_worker, chair, make_user)
    _contact(ChildFactory.create(), on(9, 1), outcome="strategy", rereferral=True, screener=social_worker)
    period = year_to_march(FY, timezone.localdate())
    figures = front_door(period)
    decisions = ContactDecision.objects.filter(status="final", effective_on__gte=period.start,
                                               effective_on__lte=period.end)
    referred = decisions.filter(outcome__in=("referral", "strategy"))
    assert (figures["contacts"].numerator, figures["contacts"].denominator) == (referred.count(), decisions.count())
    assert (figures["rereferrals"].numerator, figures["rereferrals"].denominator) == \
        (referred.filter(rereferral=True).count(), referred.count())
    assert figures["contacts"].extra["received"] == Contact.objects.filter(
        received_on__gte=period.start, received_on__lte=period.end).exclude(status="draft").count()


def test_the_command_reports_drift_and_rebuild_mends_it():
    from django.core.management import CommandError, call_command

    child = ChildFactory.create()
    _obligation(child, "cin_visit", DAY)
    call_command("daily_counts")
    DailyCount.objects.update(count_b=3)
    with pytest.raises(CommandError, match="differ"):
        call_command("daily_counts")
    call_command("daily_counts", "--rebuild")
    assert daily_counts.drift(connection) == {}
