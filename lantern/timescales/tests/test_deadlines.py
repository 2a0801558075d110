"""compute_deadline: first occurrences, repeats, local policy, direction and extensions."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lantern.timescales.calendar import WorkingDayCalendar
from lantern.timescales.deadlines import Deadline, compute_deadline, compute_due_date
from lantern.timescales.rules import LocalPolicy, all_rules, rule_for, weeks, working_days

ENGLAND = WorkingDayCalendar()
DEFAULTS = LocalPolicy()


def due(
    rule_id: str,
    start: date,
    occurrence: int = 1,
    *,
    policy: LocalPolicy = DEFAULTS,
    calendar: WorkingDayCalendar = ENGLAND,
    series_start: date | None = None,
    extended: bool = False,
) -> Deadline:
    return compute_deadline(
        rule_for(rule_id), start, calendar=calendar, policy=policy, occurrence=occurrence,
        series_start=series_start, extended=extended,
    )  # fmt: skip


def test_icpc_from_the_strategy_discussion() -> None:
    deadline = due("initial_cp_conference", date(2025, 3, 3))
    assert deadline.due_date == date(2025, 3, 24)
    assert deadline.start_date == date(2025, 3, 3)
    assert deadline.start_event == "strategy discussion that started the section 47 enquiry"
    assert deadline.rule is rule_for("initial_cp_conference")
    assert deadline.source == "Working Together to Safeguard Children 2023"
    assert len(deadline.skipped_days) == 6


def test_single_assessment_across_christmas_and_new_year() -> None:
    # Counted by hand: 45 working days from Monday 1 December 2025 is Thursday 5 February 2026.
    deadline = due("single_assessment", date(2025, 12, 1))
    assert deadline.due_date == date(2026, 2, 5)
    named = [day.reason for day in deadline.skipped_days if not day.is_weekend]
    assert named == ["Christmas Day", "Boxing Day", "New Year's Day"]
    assert sum(day.is_weekend for day in deadline.skipped_days) == 18


def test_legacy_initial_assessment_and_its_extension_over_easter_2012() -> None:
    assert due("initial_assessment", date(2012, 4, 2)).due_date == date(2012, 4, 13)
    extended = due("initial_assessment", date(2012, 4, 2), extended=True)
    assert extended.due_date == date(2012, 4, 18)
    assert extended.period == working_days(10)
    with pytest.raises(ValueError, match="no extended timescale"):
        due("single_assessment", date(2025, 1, 6), extended=True)


def test_report_to_parents_counts_back_from_the_conference() -> None:
    assert due("conference_report_to_parents", date(2025, 3, 25)).due_date == date(2025, 3, 21)
    # Conference Tue 22 April 2025: back past Easter Monday and Good Friday.
    assert due("conference_report_to_parents", date(2025, 4, 22)).due_date == date(2025, 4, 16)
    stricter = LocalPolicy({"conference_report_to_parents": working_days(3)})
    assert due("conference_report_to_parents", date(2025, 4, 22), policy=stricter).due_date == (date(2025, 4, 15))


def test_core_groups_first_national_then_local_interval() -> None:
    first = due("core_group", date(2025, 3, 3))
    assert first.due_date == date(2025, 3, 17)
    assert first.local_policy_key is None
    second = due("core_group", date(2025, 3, 17), occurrence=2)
    assert second.due_date == date(2025, 4, 14)
    assert second.source == "Local policy"
    assert second.local_policy_key == "core_group_interval"
    assert second.start_event == "previous core group"
    monthly = LocalPolicy({"core_group_interval": weeks(6)})
    assert due("core_group", date(2025, 3, 17), 2, policy=monthly).due_date == date(2025, 4, 28)


def test_review_conferences_three_then_six_months() -> None:
    assert due("review_cp_conference", date(2024, 12, 30)).due_date == date(2025, 3, 28)
    later = due("review_cp_conference", date(2025, 6, 16), occurrence=2)
    assert later.due_date == date(2025, 12, 16)
    assert later.calendar_date == date(2025, 12, 16)
    assert not later.moved_back


def test_cp_visit_interval_is_local_policy() -> None:
    assert due("cp_visit", date(2025, 3, 3)).due_date == date(2025, 3, 17)
    four_weekly = LocalPolicy({"cp_visit_interval": weeks(4)})
    assert due("cp_visit", date(2025, 3, 3), policy=four_weekly).due_date == date(2025, 3, 31)
    assert due("cp_visit", date(2025, 3, 31), 7, policy=four_weekly).due_date == date(2025, 4, 28)


def test_looked_after_reviews_20_working_days_3_months_then_6_months() -> None:
    assert due("looked_after_review", date(2025, 3, 3)).due_date == date(2025, 3, 31)
    assert due("looked_after_review", date(2025, 3, 28), 2).due_date == date(2025, 6, 27)
    assert due("looked_after_review", date(2025, 6, 16), 3).due_date == date(2025, 12, 16)
    assert due("looked_after_review", date(2025, 6, 16), 9).due_date == date(2025, 12, 16)


def test_private_fostering_visits_change_interval_after_the_first_year() -> None:
    notified = date(2025, 4, 14)
    assert due("private_fostering_visit", notified).due_date == date(2025, 4, 25)
    second = due("private_fostering_visit", date(2025, 4, 25), 2, series_start=notified)
    assert second.due_date == date(2025, 6, 6)
    # Previous visit the day before the anniversary: still 6-weekly, and 25 May 2026 is the
    # Spring bank holiday, so the deadline moves back to Friday 22 May.
    in_year_one = due("private_fostering_visit", date(2026, 4, 13), 5, series_start=notified)
    assert in_year_one.due_date == date(2026, 5, 22)
    after_year_one = due("private_fostering_visit", date(2026, 4, 20), 5, series_start=notified)
    assert after_year_one.due_date == date(2026, 7, 13)
    with pytest.raises(ValueError, match="series_start"):
        due("private_fostering_visit", date(2025, 4, 25), 2)


def test_looked_after_visits() -> None:
    assert due("looked_after_visit", date(2025, 12, 19)).due_date == date(2025, 12, 24)
    placed = date(2024, 3, 4)
    assert due("looked_after_visit", date(2024, 11, 4), 6, series_start=placed).due_date == (date(2024, 12, 16))
    assert due("looked_after_visit", date(2025, 3, 10), 9, series_start=placed).due_date == (date(2025, 6, 10))
    other = due("looked_after_visit_other_placement", date(2025, 3, 10), 9)
    assert other.due_date == date(2025, 4, 17)  # 6 weeks lands on Easter Monday


def test_closures_move_working_day_deadlines() -> None:
    closed = WorkingDayCalendar({date(2025, 3, 21): "Staff training day"})
    deadline = due("initial_cp_conference", date(2025, 3, 3), calendar=closed)
    assert deadline.due_date == date(2025, 3, 25)
    assert "Staff training day" in [day.reason for day in deadline.skipped_days]


def test_bad_requests_fail_loudly() -> None:
    with pytest.raises(ValueError, match="occurrence starts at 1"):
        due("core_group", date(2025, 3, 3), occurrence=0)
    with pytest.raises(ValueError, match="does not recur"):
        due("initial_cp_conference", date(2025, 3, 3), occurrence=2)
    with pytest.raises(KeyError, match="cp_visit_interval"):
        compute_deadline(rule_for("cp_visit"), date(2025, 3, 3), calendar=ENGLAND, policy={})


def test_deadlines_are_frozen_values() -> None:
    deadline = due("referral_decision", date(2025, 3, 3))
    assert deadline == due("referral_decision", date(2025, 3, 3), calendar=WorkingDayCalendar())
    with pytest.raises(dataclasses.FrozenInstanceError):
        deadline.due_date = date(2030, 1, 1)  # type: ignore[misc]


@given(st.sampled_from([rule.id for rule in all_rules()]), st.dates(date(2010, 1, 1), date(2030, 12, 31)),
       st.integers(1, 4), st.integers(0, 800), st.booleans())
def test_the_due_date_alone_is_the_deadline_s_due_date(rule_id, start, occurrence, series_days, dated) -> None:
    """The recompute's short cut gives the same date as the full deadline for every rule."""
    rule = rule_for(rule_id)
    if occurrence > 1 and not rule.recurrence:
        occurrence = 1
    options = {"calendar": ENGLAND, "occurrence": occurrence,
               "series_start": start - timedelta(days=series_days) if occurrence > 1 else None,
               "policy": LocalPolicy({"cp_visit_interval": [(date(2020, 1, 1), weeks(3))]} if dated else None)}
    assert compute_due_date(rule, start, **options) == compute_deadline(rule, start, **options).due_date  # type: ignore[arg-type]
