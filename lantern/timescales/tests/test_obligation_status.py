"""obligation_status: upcoming / due soon / due today / overdue / met on time / met late."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lantern.timescales.calendar import WorkingDayCalendar
from lantern.timescales.deadlines import (
    Deadline,
    ObligationState,
    compute_deadline,
    obligation_status,
)
from lantern.timescales.rules import LocalPolicy, rule_for
from lantern.timescales.tests.helpers import PROPERTY_SETTINGS

ENGLAND = WorkingDayCalendar()
# Due Monday 24 March 2025.
ICPC = compute_deadline(rule_for("initial_cp_conference"), date(2025, 3, 3), calendar=ENGLAND, policy=LocalPolicy())


@pytest.mark.parametrize(
    ("today", "state", "left"),
    [
        (date(2025, 3, 10), ObligationState.UPCOMING, 10),
        (date(2025, 3, 19), ObligationState.UPCOMING, 3),
        (date(2025, 3, 20), ObligationState.DUE_SOON, 2),
        (date(2025, 3, 21), ObligationState.DUE_SOON, 1),
        (date(2025, 3, 22), ObligationState.DUE_SOON, 1),  # Saturday before a Monday deadline
        (date(2025, 3, 24), ObligationState.DUE_TODAY, 0),
        (date(2025, 3, 25), ObligationState.OVERDUE, -1),
        (date(2025, 3, 29), ObligationState.OVERDUE, -5),
    ],
)
def test_open_obligation_states(today: date, state: ObligationState, left: int) -> None:
    status = obligation_status(ICPC, met_on=None, today=today)
    assert status.status is state
    assert status.working_days_left == left
    assert status.due_date == date(2025, 3, 24)


@pytest.mark.parametrize(
    ("met_on", "state", "left"),
    [
        (date(2025, 3, 21), ObligationState.MET_ON_TIME, 1),
        (date(2025, 3, 24), ObligationState.MET_ON_TIME, 0),
        (date(2025, 3, 26), ObligationState.MET_LATE, -2),
    ],
)
def test_met_obligation_states(met_on: date, state: ObligationState, left: int) -> None:
    status = obligation_status(ICPC, met_on=met_on, today=date(2025, 6, 1))
    assert status.status is state
    assert status.working_days_left == left
    assert status.is_met


def test_descriptions() -> None:
    def describe(**kwargs: date | None) -> str:
        return obligation_status(ICPC, **kwargs).describe()  # type: ignore[arg-type]

    assert describe(met_on=None, today=date(2025, 3, 10)) == "Due in 10 working days"
    assert describe(met_on=None, today=date(2025, 3, 21)) == "Due in 1 working day"
    assert describe(met_on=None, today=date(2025, 3, 24)) == "Due today"
    assert describe(met_on=None, today=date(2025, 3, 26)) == "Overdue by 2 working days"
    assert describe(met_on=date(2025, 3, 20), today=date(2025, 4, 1)) == "Met on time"
    assert describe(met_on=date(2025, 3, 25), today=date(2025, 4, 1)) == "Met 1 working day late"


def test_due_soon_window_is_configurable() -> None:
    assert obligation_status(ICPC, met_on=None, today=date(2025, 3, 20), due_soon_days=0).status is (
        ObligationState.UPCOMING
    )
    assert obligation_status(ICPC, met_on=None, today=date(2025, 3, 18), due_soon_days=5).status is (
        ObligationState.DUE_SOON
    )
    with pytest.raises(ValueError):
        obligation_status(ICPC, met_on=None, today=date(2025, 3, 18), due_soon_days=-1)


def test_status_counts_with_the_deadlines_own_calendar() -> None:
    closed = WorkingDayCalendar({date(2025, 3, 21): "Staff training day"})
    deadline = compute_deadline(
        rule_for("initial_cp_conference"), date(2025, 3, 3), calendar=closed, policy=LocalPolicy()
    )
    assert deadline.due_date == date(2025, 3, 25)
    # Thursday 20th -> Monday 24th, Tuesday 25th: the closed Friday does not count.
    assert obligation_status(deadline, met_on=None, today=date(2025, 3, 20)).working_days_left == 2


def _deadline_from(start: date) -> Deadline:
    return compute_deadline(rule_for("single_assessment"), start, calendar=ENGLAND, policy=LocalPolicy())


@PROPERTY_SETTINGS
@given(
    start=st.dates(min_value=date(2014, 1, 1), max_value=date(2035, 12, 31)),
    offset=st.integers(min_value=-30, max_value=120),
    met=st.booleans(),
)
def test_lateness_and_sign_always_agree(start: date, offset: int, met: bool) -> None:
    deadline = _deadline_from(start)
    reference = date.fromordinal(start.toordinal() + offset)
    status = obligation_status(deadline, met_on=reference if met else None, today=reference, due_soon_days=2)
    assert status.is_late == (reference > deadline.due_date)
    # The due date is a working day, so being late always shows as a negative count.
    assert (status.working_days_left < 0) == (reference > deadline.due_date)
