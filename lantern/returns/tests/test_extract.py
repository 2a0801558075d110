"""The extract: which records are in a year's return, as they stood on ReferenceDate, read with a
number of queries that does not grow with the number of children."""

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

from lantern.obligations.models import Obligation
from lantern.returns.cin_census.extract import extract_return
from lantern.returns.cin_census.validate import validate_return
from lantern.returns.cin_census.years import CollectionYear

from . import casework as cw

D = date
Y2025 = CollectionYear(2025)


def test_a_protected_child_becomes_census_records(team, social_worker, chair):
    child = cw.protected_child(team, social_worker, chair)
    census = extract_return(Y2025, la_code="333")
    [record] = census.children
    assert record.la_child_id == child.lantern_id and record.upn == child.upn and record.sex == "F"
    assert record.disabilities == ["NONE"] and record.ethnicity == "WBRI" and record.person_id == child.pk
    [e] = record.episodes
    assert (e.referral_date, e.referral_source, e.primary_need, e.nfa, e.closure_date) == (
        D(2024, 5, 1), "2A", "N1", False, None)
    assert [(a.start, a.authorised, a.factors) for a in e.assessments] == [(D(2024, 5, 2), D(2024, 6, 3), ["3A", "4B"])]
    [s47] = e.s47s
    # No obligation is stored for the enquiry here, so the statutory clock works out the target:
    # 15 working days from Friday 3 May 2024, skipping the two May bank holidays.
    assert (s47.start, s47.icpc_date, s47.icpc_target, s47.icpc_not_required) == (
        D(2024, 5, 3), D(2024, 5, 20), D(2024, 5, 28), False)
    [plan] = e.cp_plans
    assert (plan.start, plan.end, plan.reviews, plan.previous_plans) == (D(2024, 5, 20), D(2024, 11, 20),
                                                                          [D(2024, 8, 20)], 0)
    assert [(p.start, p.end) for p in e.cin_plans] == [(D(2024, 11, 20), None)]
    assert [i.rule for i in validate_return(census) if i.severity == "error"] == []


def test_the_stored_due_date_is_the_target(team, social_worker, chair):
    cw.protected_child(team, social_worker, chair)
    enquiry = cw.Section47Enquiry.objects.get()
    Obligation.objects.create(source_type="protection.enquiry", source_id=enquiry.pk, rule_id="initial_cp_conference",
                              child=enquiry.child, start_date=enquiry.start_date, due_date=D(2024, 5, 29))
    assert extract_return(Y2025).children[0].episodes[0].s47s[0].icpc_target == D(2024, 5, 29)


def test_records_are_read_as_they_stood_on_the_reference_date(team, social_worker, chair):
    child = cw.census_child(team, social_worker)
    e = cw.episode(child, social_worker, closure_date=D(2025, 5, 1), closure_reason="RC7")
    cw.assessment(e, social_worker, start=D(2025, 3, 3), authorised=D(2025, 4, 2))
    s47 = cw.enquiry(e, social_worker, start=D(2025, 3, 10), outcome="nfa", completed=D(2025, 4, 3))
    cw.initial_conference(s47, chair, day=D(2025, 3, 28), decision="", cancelled_on=D(2025, 3, 27))
    cw.cin_plan(e, social_worker, start=D(2024, 6, 3), end=D(2025, 4, 30))
    cw.assessment(e, social_worker, start=D(2025, 4, 7), authorised=None)  # started after the year
    [record] = extract_return(Y2025).children
    [episode] = record.episodes
    assert (episode.closure_date, episode.closure_reason) == (None, "")
    assert [(a.start, a.authorised, a.factors) for a in episode.assessments] == [(D(2025, 3, 3), None, [])]
    assert [(s.icpc_date, s.icpc_not_required) for s in episode.s47s] == [(None, False)]
    assert [(p.start, p.end) for p in episode.cin_plans] == [(D(2024, 6, 3), None)]


def test_work_finished_before_the_year_is_left_out(team, social_worker, chair):
    child = cw.census_child(team, social_worker)
    e = cw.episode(child, social_worker, referral=D(2023, 10, 2))
    cw.assessment(e, social_worker, start=D(2023, 10, 3), authorised=D(2023, 11, 1))
    s47 = cw.enquiry(e, social_worker, start=D(2023, 10, 4), outcome="conference", completed=D(2023, 10, 20))
    plan = cw.cp_plan(cw.initial_conference(s47, chair, day=D(2023, 10, 23)))
    cw.review(plan, chair, D(2024, 1, 22))
    cw.review(plan, chair, D(2024, 7, 22))
    cw.cin_plan(e, social_worker, start=D(2023, 10, 3), end=D(2023, 10, 23))
    [episode] = extract_return(Y2025).children[0].episodes
    assert episode.assessments == [] and episode.s47s == [] and episode.cin_plans == []
    assert [(p.start, p.reviews) for p in episode.cp_plans] == [(D(2023, 10, 23), [D(2024, 7, 22)])]


def test_children_outside_the_year_are_not_in_it(team, social_worker):
    cw.episode(cw.census_child(team, social_worker, 1), social_worker, referral=D(2025, 4, 2))
    cw.episode(cw.census_child(team, social_worker, 2), social_worker, referral=D(2023, 5, 1),
               closure_date=D(2024, 3, 28), closure_reason="RC7")
    assert extract_return(Y2025).children == []


def _queries(year, child_ids=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        extract_return(year, child_ids=child_ids)
    return len(captured.captured_queries)


def test_the_number_of_queries_does_not_grow_with_the_children(team, social_worker, chair):
    first = cw.protected_child(team, social_worker, chair, serial=1)
    extract_return(Y2025)  # the statutory clock is loaded once and reused
    one = _queries(Y2025)
    for serial in range(2, 6):
        cw.protected_child(team, social_worker, chair, serial=serial)
    assert _queries(Y2025) == one
    assert _queries(Y2025, [first.pk]) == one
    assert one <= 16


def test_a_child_born_after_the_reference_date_was_unborn_on_it(team, social_worker):
    child = cw.census_child(team, social_worker, date_of_birth=D(2025, 5, 7), sex="M")
    cw.episode(child, social_worker, referral=D(2024, 12, 9))
    [record] = extract_return(Y2025).children
    assert (record.birth_date, record.expected_birth_date, record.sex) == (None, D(2025, 5, 7), "U")
