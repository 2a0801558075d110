"""Where an obligation stands on a given day: upcoming, due soon, due today, overdue, or met."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from .dates import plural

if TYPE_CHECKING:  # deadlines imports this module; the type is only needed for checking
    from .deadlines import Deadline


# "Due soon": due within this many working days, but not today. Work lists count by the same line.
DUE_SOON_DAYS = 2


class ObligationState(StrEnum):
    UPCOMING = "upcoming"
    DUE_SOON = "due_soon"
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"
    MET_ON_TIME = "met_on_time"
    MET_LATE = "met_late"


@dataclass(frozen=True)
class ObligationStatus:
    status: ObligationState
    due_date: date
    met_on: date | None
    # Signed working days from `met_on` (or today, if not met) to the due date:
    # positive = still to go, 0 = due that day, negative = that many working days late.
    working_days_left: int

    @property
    def is_met(self) -> bool:
        return self.met_on is not None

    @property
    def is_late(self) -> bool:
        return self.status in (ObligationState.OVERDUE, ObligationState.MET_LATE)

    @property
    def working_days_late(self) -> int:
        return max(0, -self.working_days_left)

    def describe(self) -> str:
        """Short text for a task list or status tag."""
        left = self.working_days_left
        match self.status:
            case ObligationState.MET_ON_TIME:
                return "Met on time"
            case ObligationState.MET_LATE:
                return f"Met {plural(self.working_days_late, 'working day')} late"
            case ObligationState.OVERDUE:
                return f"Overdue by {plural(self.working_days_late, 'working day')}"
            case ObligationState.DUE_TODAY:
                return "Due today"
            case _:
                return f"Due in {plural(left, 'working day')}"


def obligation_status(
    deadline: Deadline, *, met_on: date | None, today: date, due_soon_days: int = DUE_SOON_DAYS
) -> ObligationStatus:
    """Status of `deadline` on `today`, or how it was met if `met_on` is given.

    Working days are counted with the deadline's own calendar, so local closures count too.
    "Due soon" means due within `due_soon_days` working days (but not today).
    """
    if due_soon_days < 0:
        raise ValueError("due_soon_days cannot be negative")
    due = deadline.due_date
    reference = met_on if met_on is not None else today
    left = deadline.calendar.working_days_between(reference, due)
    if met_on is not None:
        state = ObligationState.MET_ON_TIME if met_on <= due else ObligationState.MET_LATE
    elif today > due:
        state = ObligationState.OVERDUE
    elif today == due:
        state = ObligationState.DUE_TODAY
    elif left <= due_soon_days:
        state = ObligationState.DUE_SOON
    else:
        state = ObligationState.UPCOMING
    return ObligationStatus(status=state, due_date=due, met_on=met_on, working_days_left=left)
