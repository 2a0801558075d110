"""The compendium's indicators: exact counts and percentages by agency from factory-made records,
the period's boundaries (both days included), and a fixed number of queries."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lantern.accounts.roles import AgencyKind
from lantern.frontdoor.selectors.funnel import funnel_totals, notification_funnel
from lantern.returns.partnership.period import Period, default_period
from lantern.returns.partnership.selectors import compendium_indicators
from lantern.returns.partnership.selectors.conferences import conference_indicators
from lantern.returns.partnership.selectors.core_groups import core_group_indicators
from lantern.returns.partnership.selectors.domestic_abuse import funnel_indicators
from lantern.returns.partnership.selectors.front_door import front_door_indicators
from lantern.returns.partnership.selectors.strategy import strategy_indicators
from lantern.returns.partnership.testing import (
    AgencyCheckFactory,
    ConferenceFactory,
    ContactDecisionFactory,
    ContactFactory,
    CoreGroupFactory,
    CoreGroupMemberFactory,
    CpPlanFactory,
    NotificationFactory,
    ReviewConferenceFactory,
    StrategyDiscussionFactory,
)
from lantern.testing.factories import AgencyFactory

pytestmark = pytest.mark.django_db
PERIOD = Period(date(2025, 4, 1), date(2026, 3, 31))


def by_kind(rows):
    return {row.kind: row for row in rows}


def test_default_period_is_this_month_so_far_and_the_eleven_before():
    period = default_period(date(2026, 11, 26))
    assert (period.start, period.end) == (date(2025, 12, 1), date(2026, 11, 26))
    months = period.months()
    assert len(months) == 12 and months[0].label == "Dec 2025" and months[-1].label == "Nov 2026 (1 to 26)"
    assert not months[0].partial and months[-1].partial


def test_strategy_discussions_by_agency_with_the_boundaries_included():
    StrategyDiscussionFactory(held_on=date(2025, 4, 1), agencies=["csc", "police", "health", "education"])
    StrategyDiscussionFactory(held_on=date(2025, 6, 10), agencies=["csc", "police"], referrer_agency="education")
    StrategyDiscussionFactory(held_on=date(2025, 6, 11), agencies=["csc", "health", "education"],
                              referrer_agency="education")
    StrategyDiscussionFactory(held_on=date(2026, 3, 31), agencies=["csc", "police", "health", "housing"],
                              referrer_agency="housing")
    StrategyDiscussionFactory(held_on=date(2025, 3, 31), agencies=["csc"])  # the day before: not counted
    StrategyDiscussionFactory(held_on=date(2026, 4, 1), agencies=["csc"])  # the day after: not counted

    s = strategy_indicators(PERIOD)

    assert s.held == 4
    agencies = {a.kind: (a.share.n, a.share.percent) for a in s.by_agency}
    assert agencies["csc"] == (4, 100)
    assert agencies["police"] == (3, 75)
    assert agencies["health"] == (3, 75)
    assert agencies["education"] == (2, 50)
    assert agencies["housing"] == (1, 25)
    assert agencies["probation"] == (0, 0)
    assert (s.without_police.n, s.without_health.n, s.without_police_or_health.n) == (1, 1, 2)
    assert s.without_police_or_health.percent == 50
    assert (s.with_police_health_education.n, s.with_police_health_education.percent) == (1, 25)
    # Referred by education twice (it took part once) and by housing once (it took part).
    assert (s.referrer_took_part.n, s.referrer_took_part.of, s.referrer_took_part.percent) == (2, 3, 67)
    months = {m.month.label: m for m in s.months}
    assert len(s.months) == 12
    assert (months["Jun 2025"].held, months["Jun 2025"].police, months["Jun 2025"].health) == (2, 1, 1)
    assert months["May 2025"].held == 0
    assert (months["Mar 2026"].held, months["Mar 2026"].all_three) == (1, 0)


def test_conferences_attendance_and_reports_by_agency():
    police = AgencyFactory(name="Brindleford Police", kind=AgencyKind.POLICE)
    ConferenceFactory(conference_date=date(2025, 5, 12), invited=[
        ("csc", True, None), ("police", True, date(2025, 5, 9)), ("health", False, date(2025, 5, 13)),
        ("education", True, date(2025, 5, 12))], invited__agency=police, invited__agency_kind="police")
    ConferenceFactory(conference_date=date(2025, 9, 1), invited=[
        ("csc", True, None), ("police", False, None), ("health", True, date(2025, 8, 29))])
    ConferenceFactory(conference_date=date(2026, 3, 31), invited=[("csc", True, None), ("health", True, None)])
    # Not yet decided: counted as waiting, not as held; cancelled: not counted at all.
    ConferenceFactory(conference_date=date(2026, 3, 30), decision="", invited=[("police", None, None)])
    ConferenceFactory(conference_date=date(2025, 7, 1), cancelled_on=date(2025, 6, 30),
                      invited=[("police", True, None)])
    ReviewConferenceFactory(conference_date=date(2025, 10, 6), invited=[("csc", True, None),
                                                                      ("police", True, date(2025, 10, 1))])
    ConferenceFactory(conference_date=date(2026, 4, 1), invited=[("police", True, None)])  # after the period

    c = conference_indicators(PERIOD)

    i = c.initial
    assert (i.held, i.waiting_for_record) == (3, 1)
    assert (i.police_attended.n, i.police_attended.percent) == (1, 33)
    assert (i.police_invited.n, i.police_invited.percent) == (2, 67)
    assert (i.health_attended.n, i.education_attended.n) == (2, 1)
    # At least three kinds of agency attended only the first.
    assert (i.quorate.n, i.quorate.percent) == (1, 33)
    rows = by_kind(i.by_agency)
    assert (rows["police"].invited, rows["police"].attended, rows["police"].absent) == (2, 1, 1)
    assert rows["police"].attended_share.percent == 50
    assert (rows["police"].reports, rows["police"].report_share.percent) == (1, 50)
    assert (rows["health"].invited, rows["health"].attended, rows["health"].attended_share.percent) == (3, 2, 67)
    # Health sent two reports; one came the day after the conference.
    assert (rows["health"].reports, rows["health"].reports_in_time) == (2, 1)
    assert rows["health"].in_time_share.percent == 33
    assert rows["csc"].report_share is None
    assert rows["probation"].invited == 0 and rows["probation"].attended_share.percent is None
    assert (c.review.held, by_kind(c.review.by_agency)["police"].attended) == (1, 1)
    assert c.review.police_attended.percent == 100
    named = {a.name: a for a in c.named_agencies}
    assert list(named) == ["Brindleford Police"]
    assert (named["Brindleford Police"].invited, named["Brindleford Police"].attended) == (1, 1)
    assert [m.held for m in i.months if m.held] == [1, 1, 1]


def test_core_group_attendance_against_the_members_on_the_day():
    plan = CpPlanFactory()
    social_worker = CoreGroupMemberFactory(plan=plan, agency_kind="csc")
    health = CoreGroupMemberFactory(plan=plan, agency_kind="health")
    school = CoreGroupMemberFactory(plan=plan, agency_kind="education", left_on=date(2025, 8, 1))
    police = CoreGroupMemberFactory(plan=plan, agency_kind="police", joined_on=date(2025, 7, 1))
    CoreGroupFactory(plan=plan, held_on=date(2025, 6, 2), attended=[social_worker, health, school])
    CoreGroupFactory(plan=plan, held_on=date(2025, 9, 1), attended=[social_worker, police])
    CoreGroupFactory(plan=plan, held_on=date(2026, 3, 31), attended=[social_worker])
    CoreGroupFactory(plan=plan, held_on=date(2026, 4, 1), attended=[social_worker, health])  # after the period

    g = core_group_indicators(PERIOD)

    assert g.held == 3
    assert (g.with_partner.n, g.with_partner.percent) == (2, 67)
    rows = by_kind(g.by_agency)
    assert (rows["csc"].expected, rows["csc"].attended) == (3, 3)
    assert (rows["health"].expected, rows["health"].attended, rows["health"].attended_share.percent) == (3, 1, 33)
    # The school left before the second meeting; the police joined after the first.
    assert (rows["education"].expected, rows["education"].attended) == (1, 1)
    assert (rows["police"].expected, rows["police"].attended) == (2, 1)
    assert (rows["police"].meetings.n, rows["police"].meetings.percent) == (1, 33)


def test_domestic_abuse_funnel_over_the_period():
    for day in (date(2025, 4, 1), date(2025, 4, 20), date(2026, 3, 31)):
        NotificationFactory(received_on=day, status="contact_raised",
                            contact=ContactDecisionFactory(outcome="referral").contact)
    NotificationFactory(received_on=date(2025, 5, 5), status="information_shared", marac_outcome="action_plan")
    NotificationFactory(received_on=date(2025, 5, 6))  # waiting for triage
    NotificationFactory(received_on=date(2025, 3, 31), status="information_shared")  # before the period

    f = funnel_indicators(PERIOD)

    total = f.total
    assert (total.notifications, total.triaged, total.assessed, total.coordinated) == (5, 4, 3, 1)
    assert [(key, share.percent) for key, _, share in f.stages] == [
        ("notifications", 100), ("triaged", 80), ("assessed", 60), ("coordinated", 20)]
    months = {m.label: x for m, x in f.months}
    assert (months["Apr 2025"].notifications, months["May 2025"].triaged) == (2, 1)


def test_the_funnel_counts_as_the_front_door_does_over_whole_months():
    today = timezone.localdate()
    period = default_period(today)
    NotificationFactory(received_on=period.start, status="contact_raised",
                        contact=ContactDecisionFactory(outcome="early_help").contact)
    NotificationFactory(received_on=today, status="no_children")
    NotificationFactory(received_on=today, marac_outcome="action_plan", status="information_shared")
    ours = funnel_indicators(period).total
    theirs = funnel_totals(notification_funnel(today=today, months=12))
    assert [getattr(ours, k) for k in ("notifications", "triaged", "assessed", "coordinated")] == \
           [getattr(theirs, k) for k in ("notifications", "triaged", "assessed", "coordinated")] == [3, 3, 0, 2]


def test_contacts_and_referrals_by_source_agency():
    ContactDecisionFactory(contact=ContactFactory(received_on=date(2025, 4, 1), source="6"), outcome="strategy")
    ContactDecisionFactory(contact=ContactFactory(received_on=date(2025, 4, 2), source="6",
                                                  discussed_with_parents=False), outcome="nfa")
    ContactFactory(received_on=date(2025, 5, 1), source="3B", discussed_with_parents=None)
    ContactFactory(received_on=date(2026, 3, 31), source="2A")
    # A proposal the manager returned does not count as accepted; a draft is not a contact yet.
    ContactDecisionFactory(contact=ContactFactory(received_on=date(2025, 6, 1), source="3A"), outcome="referral",
                           status="returned")
    ContactFactory(received_on=date(2025, 6, 2), source="6", status="draft")
    ContactFactory(received_on=date(2026, 4, 1), source="6")  # after the period
    from lantern.returns.partnership.testing import EpisodeFactory
    EpisodeFactory(referral_date=date(2025, 4, 1), referral_source="6")
    EpisodeFactory(referral_date=date(2025, 8, 1), referral_source="1A")
    EpisodeFactory(referral_date=date(2025, 3, 31), referral_source="6")  # before the period
    AgencyCheckFactory(contact=ContactFactory(received_on=date(2025, 9, 1), source="8"),
                       agency=AgencyFactory(kind=AgencyKind.HEALTH, name="Brindleford Health Visiting"))
    AgencyCheckFactory(asked_on=date(2025, 9, 2), agency_name="A GP practice")

    d = front_door_indicators(PERIOD)

    rows = {r.key: r for r in d.by_source}
    assert (d.contacts, d.referrals) == (6, 2)
    police = rows["police"]
    assert (police.contacts, police.accepted, police.accepted_share.percent, police.referrals) == (2, 1, 50, 1)
    assert (police.discussed, police.discussed_known, police.discussed_share.percent) == (1, 2, 50)
    assert (rows["health"].contacts, rows["health"].accepted, rows["health"].discussed_known) == (2, 0, 1)
    assert (rows["education"].contacts, rows["other"].contacts, rows["individual"].referrals) == (1, 1, 1)
    months = {m.month.label: m.counts for m in d.months}
    assert months["Apr 2025"] == {"police": 2} and months["Mar 2026"] == {"education": 1}
    assert [(c.label, c.checks, c.contacts) for c in d.checks] == [("Health", 1, 1),
                                                                   ("Agency not named in Lantern", 1, 1)]


def _some_of_everything(day: date):
    StrategyDiscussionFactory(held_on=day, agencies=["csc", "police"])
    ConferenceFactory(conference_date=day, invited=[("police", True, day), ("health", False, None)])
    ReviewConferenceFactory(conference_date=day, invited=[("education", True, None)])
    member = CoreGroupMemberFactory(agency_kind="health")
    CoreGroupFactory(plan=member.plan, held_on=day, attended=[member])
    NotificationFactory(received_on=day, status="contact_raised", contact=ContactDecisionFactory(
        contact=ContactFactory(received_on=day, source="6")).contact)
    AgencyCheckFactory(contact=ContactFactory(received_on=day), agency=AgencyFactory(kind=AgencyKind.POLICE))
    from lantern.returns.partnership.testing import EpisodeFactory
    EpisodeFactory(referral_date=day, referral_source="3A")


def test_the_whole_compendium_takes_a_fixed_number_of_queries():
    _some_of_everything(date(2025, 5, 1))
    with CaptureQueriesContext(connection) as few:
        compendium_indicators(PERIOD, as_at=timezone.now())
    for n in range(6):
        _some_of_everything(date(2025, 6 + n, 2 + n))
    with CaptureQueriesContext(connection) as many:
        compendium = compendium_indicators(PERIOD, as_at=timezone.now())
    assert len(many) == len(few) <= 10
    assert compendium.strategy.held == 7 and compendium.conferences.initial.held == 7


def test_two_of_a_kind_count_once_for_the_meeting_and_twice_for_the_places():
    """A meeting with two people from one agency, or a contact with two final decisions, is one
    meeting or one contact; member places are counted one by one."""
    StrategyDiscussionFactory(held_on=date(2025, 5, 2), agencies=["csc", "police", "police", "health", "health"])
    ConferenceFactory(conference_date=date(2025, 5, 6), invited=[
        ("csc", True, None), ("police", True, None), ("police", True, None), ("health", False, None)])
    plan = CpPlanFactory()
    nurse, visitor = (CoreGroupMemberFactory(plan=plan, agency_kind="health") for _ in range(2))
    CoreGroupFactory(plan=plan, held_on=date(2025, 5, 9), attended=[nurse, visitor])
    contact = ContactDecisionFactory(contact=ContactFactory(received_on=date(2025, 5, 12), source="6"),
                                     outcome="referral").contact
    ContactDecisionFactory(contact=contact, outcome="strategy")
    ContactDecisionFactory(contact=contact, outcome="early_help")
    NotificationFactory(received_on=date(2025, 5, 12), status="contact_raised", contact=contact)

    s = strategy_indicators(PERIOD)
    assert (s.held, by_kind(s.by_agency)["police"].share.n, s.months[1].police, s.months[1].all_three) == (1, 1, 1, 0)
    assert (s.without_police.n, s.without_health.n) == (0, 0)
    c = conference_indicators(PERIOD).initial
    assert (c.held, c.police_attended.n, c.police_invited.n, c.quorate.n, c.health_attended.n) == (1, 1, 1, 0, 0)
    assert (by_kind(c.by_agency)["police"].invited, by_kind(c.by_agency)["police"].attended) == (2, 2)
    g = core_group_indicators(PERIOD)
    health = by_kind(g.by_agency)["health"]
    assert (g.held, g.with_partner.n, health.expected, health.attended, health.meetings.n) == (1, 1, 2, 2, 1)
    assert [m.health for m in g.months if m.held] == [1]
    f = funnel_indicators(PERIOD).total
    assert (f.notifications, f.triaged, f.assessed, f.coordinated) == (1, 1, 1, 1)
    police = {r.key: r for r in front_door_indicators(PERIOD).by_source}["police"]
    assert (police.contacts, police.accepted) == (1, 1)
