"""List 2, early help. Lantern keeps no early help assessment (no start or completion date): it
records when a child was passed to early help. The list holds each time that happened in the
period, by any of three routes: a front door decision, a step-down from children's social care
that early help accepted, or an allocation to an early help team. The Annex A assessment dates
are left blank; the date and route are given in two columns of Lantern's own, to the right."""

from django.db.models import Q

from lantern.accounts.roles import TeamKind
from lantern.cin.models import Closure, ClosureKind
from lantern.frontdoor.codes import DecisionStatus, Outcome, PersonRole
from lantern.frontdoor.models import ContactPerson
from lantern.people.models import Allocation, Person

from ..period import Period
from .common import ListRows, children_for

FRONT_DOOR, STEP_DOWN, ALLOCATION = ("Front door decision", "Step-down from children's social care",
                                     "Allocated to an early help team")


def _front_door(period: Period):
    mentions = ContactPerson.objects.filter(
        role=PersonRole.CHILD, person__is_child_record=True, contact__decisions__status=DecisionStatus.FINAL,
        contact__decisions__outcome=Outcome.EARLY_HELP, contact__decisions__effective_on__gte=period.start,
        contact__decisions__effective_on__lte=period.end)
    for child_id, day, service in mentions.values_list("person_id", "contact__decisions__effective_on",
                                                       "contact__decisions__early_help_service"):
        yield child_id, day, service, FRONT_DOOR


def _step_downs(period: Period):
    closures = Closure.objects.filter(kind=ClosureKind.STEP_DOWN, early_help_accepted=True,
                                      status=Closure.Status.APPROVED, early_help_on__gte=period.start,
                                      early_help_on__lte=period.end, child__is_child_record=True)
    for child_id, day, team in closures.values_list("child_id", "early_help_on", "early_help_team__name"):
        yield child_id, day, team or "", STEP_DOWN


def _allocations(period: Period):
    allocations = Allocation.objects.filter(team__kind=TeamKind.EARLY_HELP, start_date__gte=period.start,
                                            start_date__lte=period.end, child__is_child_record=True)
    for child_id, day, team in allocations.values_list("child_id", "start_date", "team__name"):
        yield child_id, day, team, ALLOCATION


def early_help_rows(period: Period) -> ListRows:
    """One row per child and day: a step-down accepted and the allocation that follows it on the
    same day are one handover, not two."""
    result, seen = ListRows(), set()
    for source in (_front_door, _step_downs, _allocations):
        for child_id, day, organisation, route in source(period):
            if (child_id, day) in seen:
                continue
            seen.add((child_id, day))
            result.rows.append((child_id, (None, None, organisation, day, route)))
    return result.finish(children_for(_children(period), period))


def _children(period: Period):
    """The children of the three routes, as one subquery."""
    return Person.objects.filter(
        Q(pk__in=ContactPerson.objects.filter(
            contact__decisions__status=DecisionStatus.FINAL, contact__decisions__outcome=Outcome.EARLY_HELP,
            contact__decisions__effective_on__gte=period.start, contact__decisions__effective_on__lte=period.end,
        ).values("person_id"))
        | Q(pk__in=Closure.objects.filter(kind=ClosureKind.STEP_DOWN, early_help_on__gte=period.start,
                                          early_help_on__lte=period.end).values("child_id"))
        | Q(pk__in=Allocation.objects.filter(team__kind=TeamKind.EARLY_HELP, start_date__gte=period.start,
                                             start_date__lte=period.end).values("child_id"))).values("pk")
