"""Records for the Annex A tests, made directly with fixed dates (the workbook reads what is stored;
the services' own tests cover how records are made). One helper per kind of record; the child
protection and child in need helpers come from the census tests (lantern/returns/tests/casework.py).
All names are synthetic."""

from datetime import date, datetime, time

from django.utils import timezone

from lantern.accounts.roles import TeamKind
from lantern.cin.models import Closure, ClosureKind
from lantern.frontdoor.codes import Channel, ContactStatus, DecisionStatus, Outcome, PersonRole
from lantern.frontdoor.default_levels import ensure_default_levels
from lantern.frontdoor.models import Contact, ContactDecision, ContactPerson, ThresholdLevel
from lantern.people.models import Allocation
from lantern.protection.models import CpVisit
from lantern.testing.factories import TeamFactory
from lantern.visits.models import Visit

from .period import Period

PERIOD = Period(date(2025, 1, 1), date(2025, 6, 30))


def _moment(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10)))


def contact(child, day: date, source: str = "2A", *, status=ContactStatus.DECIDED, first_name="Amira") -> Contact:
    """A contact received on ``day`` naming ``child`` (or an unmatched child when ``child`` is None)."""
    made = Contact.objects.create(status=status, channel=Channel.SCREENER, received_at=_moment(day), received_on=day,
                                  decision_due=day, source=source, concern="Worried about home conditions.")
    ContactPerson.objects.create(contact=made, role=PersonRole.CHILD, first_name=first_name, last_name="Testington",
                                 person=child)
    return made


def early_help_decision(made: Contact, actor, day: date, service: str) -> ContactDecision:
    ensure_default_levels()
    return ContactDecision.objects.create(
        contact=made, status=DecisionStatus.FINAL, outcome=Outcome.EARLY_HELP,
        threshold_level=ThresholdLevel.objects.order_by("order")[0], rationale="Needs family support.",
        early_help_service=service, decided_by=actor, decided_at=_moment(day), effective_on=day)


def early_help_team(name: str = "Riverside early help and family support team"):
    return TeamFactory(name=name, kind=TeamKind.EARLY_HELP)


def allocate(child, team, worker, start: date, end: date | None = None) -> Allocation:
    return Allocation.objects.create(child=child, team=team, worker=worker, start_date=start, end_date=end)


def step_down(episode, actor, team, accepted_on: date) -> Closure:
    return Closure.objects.create(
        episode=episode, child=episode.child, kind=ClosureKind.STEP_DOWN, status=Closure.Status.APPROVED,
        closure_date=accepted_on, reason="RC9", risk_evaluation="Risk reduced; family want support.",
        early_help_team=team, proposed_by=actor, early_help_accepted=True, early_help_by=actor,
        early_help_on=accepted_on, decided_by=actor, decided_on=accepted_on, rationale="Safe to step down.")


def cp_visit(plan, worker, day: date, *, seen: bool = True, alone: bool | None = True) -> CpVisit:
    return CpVisit.objects.create(plan=plan, child=plan.child, visit_date=day, visited_by=worker, child_seen=seen,
                                  seen_alone=alone if seen else None, observations="Home warm; food in the cupboards.",
                                  recorded_by=worker)


def cin_visit(episode, worker, day: date, *, seen: bool = True) -> Visit:
    return Visit.objects.create(child=episode.child, episode=episode, kind="cin", visit_date=day, child_seen=seen,
                                seen_alone=True if seen else None, observations="Played with his brother.",
                                recorded_by=worker)
