"""The rules whose severity or reading was brought in line with the DfE's list: each is a query in
every year with no error of the same number beside it, and each edge of its condition is pinned."""

from datetime import date

import pytest

from lantern.returns.cin_census.records import AssessmentRecord, CinPlanRecord
from lantern.returns.cin_census.rules import rules_for
from lantern.returns.cin_census.validate import validate_return
from lantern.returns.cin_census.years import SUPPORTED_YEARS
from lantern.timescales.calendar import WorkingDayCalendar

from .census_records import census, clean_child, episode

CALENDAR = WorkingDayCalendar()
D = date


def _issues(*children):
    return validate_return(census(*children), calendar=CALENDAR)


def _broken(*children):
    return {i.rule for i in _issues(*children)}


@pytest.mark.parametrize("query", ["4009Q", "8555Q", "8569Q", "8863Q", "8842Q"])
def test_the_dfe_queries_are_queries_in_every_year(query):
    for year in SUPPORTED_YEARS:
        by_id = {r.id: r for r in rules_for(year)}
        assert by_id[query].severity == "query"
        assert query.rstrip("Q") not in by_id


def test_8730_is_an_error_in_every_year():
    assert all({r.id: r for r in rules_for(year)}["8730"].severity == "error" for year in SUPPORTED_YEARS)


def test_a_query_is_reported_as_a_query():
    child = clean_child(death_date=D(2024, 4, 20))
    found = [i for i in _issues(child) if i.rule == "8555Q"]
    assert [i.severity for i in found] == ["query"]


def test_8555q_a_referral_on_the_day_of_death_passes():
    assert "8555Q" not in _broken(clean_child(death_date=D(2024, 5, 1), episodes=[episode(
        assessments=[], s47s=[], cp_plans=[], cin_plans=[], closure_date=D(2024, 5, 1), closure_reason="RC2")]))


def test_4009q_a_plan_ending_on_the_day_of_death_passes_and_an_open_one_is_queried():
    ended = clean_child(death_date=D(2025, 3, 3))
    ended.episodes[0].cin_plans[0].end = D(2025, 3, 3)
    assert "4009Q" not in _broken(ended)
    assert "4009Q" in _broken(clean_child(death_date=D(2025, 3, 3)))


def _old_referral(nfa):
    return clean_child(episodes=[episode(referral_date=D(2024, 3, 1), nfa=nfa, primary_need="", assessments=[],
                                         s47s=[], cp_plans=[], cin_plans=[], closure_date=D(2024, 4, 2),
                                         closure_reason="RC7")])


def test_8569q_queries_a_missing_flag_as_well_as_true_but_not_false():
    assert "8569Q" in _broken(_old_referral(None))
    assert "8569Q" in _broken(_old_referral(True))
    assert "8569Q" not in _broken(_old_referral(False))


def test_8569q_a_referral_one_working_day_before_the_period_may_be_nfa():
    # The period starts on Easter Monday 2024 and Good Friday is 29 March, so the working day before
    # the period is Thursday 28 March; the Wednesday is too early.
    child = _old_referral(True)
    child.episodes[0].referral_date = D(2024, 3, 28)
    assert "8569Q" not in _broken(child)
    child.episodes[0].referral_date = D(2024, 3, 27)
    assert "8569Q" in _broken(child)


def _second_assessment(start):
    child = clean_child()
    child.episodes[0].assessments.append(AssessmentRecord(start=start, authorised=D(2024, 7, 1), factors=["3A"]))
    return child


def test_8863q_starting_on_the_day_the_other_was_authorised_is_queried():
    assert "8863Q" in _broken(_second_assessment(D(2024, 6, 3)))
    assert "8863Q" not in _broken(_second_assessment(D(2024, 6, 4)))


def test_8863q_starting_while_another_is_still_open_is_queried():
    child = clean_child()
    child.episodes[0].assessments[0].authorised = None
    child.episodes[0].assessments[0].factors = []
    child.episodes[0].assessments.append(AssessmentRecord(start=D(2025, 3, 31)))
    assert "8863Q" in _broken(child)


def test_8730_a_negative_number_of_previous_plans_fails_and_zero_passes():
    child = clean_child()
    assert "8730" not in _broken(child)
    child.episodes[0].cp_plans[0].previous_plans = -1
    assert "8730" in _broken(child)


def test_8842q_a_review_with_no_date_is_queried_without_upsetting_the_other_review_rules():
    child = clean_child()
    plan = child.episodes[0].cp_plans[0]
    plan.reviews = [None]
    child.episodes[0].cin_plans.append(CinPlanRecord(start=D(2024, 4, 2), end=D(2024, 5, 20)))
    broken = _broken(child)
    assert "8842Q" in broken
    assert not {"8841", "4003"} & broken
