"""The explanation text a social worker reads beside each due date."""

from __future__ import annotations

from datetime import date

import pytest

from lantern.timescales.calendar import WorkingDayCalendar
from lantern.timescales.deadlines import compute_deadline
from lantern.timescales.explain import ordinal
from lantern.timescales.rules import LocalPolicy, rule_for, weeks

ENGLAND = WorkingDayCalendar()


def explain(rule_id: str, start: date, occurrence: int = 1, **options: object) -> str:
    calendar = options.pop("calendar", ENGLAND)
    policy = options.pop("policy", LocalPolicy())
    deadline = compute_deadline(
        rule_for(rule_id), start, calendar=calendar, policy=policy, occurrence=occurrence,  # type: ignore[arg-type]
        **options,  # type: ignore[arg-type]
    )  # fmt: skip
    return deadline.explanation


def test_icpc_explanation_reads_as_in_the_design() -> None:
    assert explain("initial_cp_conference", date(2025, 3, 3)) == (
        "Initial child protection conference: 15 working days from the strategy discussion that "
        "started the section 47 enquiry on Monday 3 March 2025 (Working Together to Safeguard "
        "Children 2023). Due Monday 24 March 2025. Skipped 6 non-working days: 6 weekend days."
    )


def test_bank_holidays_are_named_with_dates_and_weekends_counted() -> None:
    text = explain("initial_cp_conference", date(2025, 4, 7))
    assert text.endswith(
        "Due Wednesday 30 April 2025. Skipped 8 non-working days: 6 weekend days, "
        "Good Friday on Friday 18 April 2025 and Easter Monday on Monday 21 April 2025."
    )


def test_substitute_days_and_closures_are_named() -> None:
    closed = WorkingDayCalendar({date(2026, 12, 24): "Christmas Eve closure"})
    text = explain("referral_decision", date(2026, 12, 23), calendar=closed)
    assert "Due Tuesday 29 December 2026." in text
    assert "Christmas Eve closure on Thursday 24 December 2026" in text
    assert "Christmas Day on Friday 25 December 2026" in text
    assert "Boxing Day (substitute day) on Monday 28 December 2026" in text
    assert "Skipped 5 non-working days: 2 weekend days," in text


def test_no_skipped_days() -> None:
    assert explain("referral_decision", date(2025, 3, 3)).endswith(
        "Due Tuesday 4 March 2025. No non-working days fell in between."
    )


def test_calendar_period_moved_back_says_why() -> None:
    text = explain("review_cp_conference", date(2025, 1, 21))
    assert text == (
        "Review child protection conference (1st): 3 months from the initial child protection "
        "conference on Tuesday 21 January 2025 (Working Together to Safeguard Children 2023). "
        "The period ends on Monday 21 April 2025, which is not a working day (Easter Monday), so "
        "the deadline moves back to the last working day before it, passing over 2 weekend days "
        "and Good Friday on Friday 18 April 2025. Due Thursday 17 April 2025."
    )


def test_month_end_clamping_is_explained() -> None:
    text = explain("review_cp_conference", date(2025, 1, 31), occurrence=2)
    assert "6 months from the previous review conference on Friday 31 January 2025" in text
    assert "There is no 31 July 2025" not in text  # July has 31 days: no clamping
    clamped = explain("review_cp_conference", date(2024, 11, 30))
    assert "There is no 30 February 2025, so the period ends on the last day of February." in clamped
    assert clamped.endswith("Due Friday 28 February 2025.")


def test_calendar_period_on_a_working_day_has_no_move_sentence() -> None:
    text = explain("core_group", date(2025, 3, 17), occurrence=2)
    assert text == (
        "Core group meeting (2nd): 4 weeks from the previous core group on Monday 17 March 2025 "
        "(Local policy). Due Monday 14 April 2025."
    )


def test_before_deadlines_and_overrides_are_worded_as_such() -> None:
    policy = LocalPolicy({"conference_report_to_parents": weeks(1)})
    text = explain("conference_report_to_parents", date(2025, 3, 25))
    assert text.startswith(
        "Conference report shared with parents: at least 2 working days before the child "
        "protection conference on Tuesday 25 March 2025 (Local policy). Due Friday 21 March 2025."
    )
    weekly = explain("conference_report_to_parents", date(2025, 3, 25), policy=policy)
    assert "at least 1 week before" in weekly and weekly.endswith("Due Tuesday 18 March 2025.")


def test_a_dated_local_value_is_named_with_its_date() -> None:
    policy = LocalPolicy({"conference_report_to_parents": [(date(2025, 3, 1), weeks(1))]})
    text = explain("conference_report_to_parents", date(2025, 3, 25), policy=policy)
    assert "(Local policy from Saturday 1 March 2025)" in text and "at least 1 week before" in text
    earlier = explain("conference_report_to_parents", date(2025, 2, 25), policy=policy)
    assert "at least 2 working days before" in earlier and "(Local policy)" in earlier


def test_extension_is_worded() -> None:
    text = explain("initial_assessment", date(2012, 4, 2), extended=True)
    assert text.startswith(
        "Initial assessment: 10 working days (extended from 7 working days) from the referral on "
        "Monday 2 April 2012 (Working Together to Safeguard Children 2010)."
    )


@pytest.mark.parametrize(
    ("number", "text"),
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"),
     (21, "21st"), (22, "22nd"), (101, "101st"), (111, "111th")],
)  # fmt: skip
def test_ordinals(number: int, text: str) -> None:
    assert ordinal(number) == text
