"""Where a stored obligation stands on a day, and its explanation, for pages and the API."""

from dataclasses import dataclass
from datetime import date

from lantern.timescales.deadlines import compute_deadline
from lantern.timescales.rules import rule_for
from lantern.timescales.status import ObligationState, ObligationStatus, obligation_status

from .clock import Clock
from .models import Obligation

STATUS_LABELS = {
    ObligationState.UPCOMING: ("Upcoming", "govuk-tag--grey"),
    ObligationState.DUE_SOON: ("Due soon", "govuk-tag--yellow"),
    ObligationState.DUE_TODAY: ("Due today", "govuk-tag--orange"),
    ObligationState.OVERDUE: ("Overdue", "govuk-tag--red"),
    ObligationState.MET_ON_TIME: ("Met on time", "govuk-tag--green"),
    ObligationState.MET_LATE: ("Met late", "govuk-tag--pink"),
}
WITHDRAWN = ("No longer required", "govuk-tag--grey")


@dataclass(frozen=True)
class _Due:
    due_date: date
    calendar: object


@dataclass(frozen=True)
class ObligationView:
    obligation: Obligation
    status: ObligationStatus | None  # None when withdrawn before it was met
    name: str

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status.status][0] if self.status else WITHDRAWN[0]

    @property
    def tag_class(self) -> str:
        return STATUS_LABELS[self.status.status][1] if self.status else WITHDRAWN[1]

    @property
    def summary(self) -> str:
        return self.status.describe() if self.status else WITHDRAWN[0]


def view_of(obligation: Obligation, *, today: date, clock: Clock) -> ObligationView:
    """Status as it stood on ``today``: a later meeting or withdrawal is not yet known then."""
    met_on = obligation.met_on if obligation.met_on and obligation.met_on <= today else None
    withdrawn = obligation.withdrawn_on is not None and obligation.withdrawn_on <= today and met_on is None
    status = None if withdrawn else obligation_status(_Due(obligation.due_date, clock.calendar),  # type: ignore[arg-type]
                                                      met_on=met_on, today=today)
    return ObligationView(obligation=obligation, status=status, name=rule_for(obligation.rule_id).name)


def explain(obligation: Obligation, clock: Clock) -> str:
    return compute_deadline(rule_for(obligation.rule_id), obligation.start_date, calendar=clock.calendar,
                            policy=clock.policy, occurrence=obligation.occurrence,
                            series_start=obligation.series_start, extended=obligation.extended).explanation
