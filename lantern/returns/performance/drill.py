"""The records behind each measure's number, one row per thing counted, each with its child.

Each function returns a list of querysets (most have one; visits come from two tables), each
annotated with ``row_child`` (the child's record id, or None for a contact not yet matched to a
record), ``row_on`` (the date it was counted on), ``row_met`` (whether it counts towards the
numerator) and ``row_detail`` (a short description). The conditions are figures.py's, so the rows
add up to the number on the dashboard. ``group`` narrows a bar of a bar chart (a category of
abuse, a band of caseloads). The caller cuts the rows to the children the reader may see
(services.measure_children)."""

from datetime import date

from django.db.models import BooleanField, Case, CharField, Count, Exists, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Concat

from lantern.cin.models import CinPlan
from lantern.frontdoor.codes import DecisionStatus, PersonRole
from lantern.frontdoor.models import ContactDecision, ContactPerson
from lantern.people.models import Person
from lantern.protection.codes import Category
from lantern.protection.figures import ends_early_dates
from lantern.protection.models import CpPlan, CpVisit
from lantern.referrals.models import Episode
from lantern.visits.models import Visit

from . import figures
from .daily_counts import REFERRAL_OUTCOMES
from .periods import Period


class UnknownGroup(ValueError):
    pass


def _rows(qs, *, child, on, met, detail):
    return qs.annotate(row_child=child, row_on=on, row_met=met, row_detail=detail)


def _text(text: str) -> Value:
    return Value(text, output_field=CharField())


def _first_child(contact_ref: str = "pk") -> Subquery:
    return Subquery(ContactPerson.objects.filter(contact=OuterRef(contact_ref), role=PersonRole.CHILD,
                                                 person__isnull=False).order_by("id").values("person")[:1])


def _flag(condition) -> Case:
    return Case(When(condition, then=Value(True)), default=Value(False), output_field=BooleanField())


def _decisions(period: Period):
    return ContactDecision.objects.filter(status=DecisionStatus.FINAL, effective_on__gte=period.start,
                                          effective_on__lte=period.end)


def contacts(period: Period, today: date, group: str = "") -> list:
    return [_rows(_decisions(period), child=_first_child("contact_id"), on=F("effective_on"),
                  met=_flag(Q(outcome__in=REFERRAL_OUTCOMES)),
                  detail=Concat(_text("Contact "), F("contact_id"), _text(": "), F("outcome"),
                                output_field=CharField()))]


def rereferrals(period: Period, today: date, group: str = "") -> list:
    qs = _decisions(period).filter(outcome__in=REFERRAL_OUTCOMES)
    return [_rows(qs, child=_first_child("contact_id"), on=F("effective_on"), met=F("rereferral"),
                  detail=Concat(_text("Referral from contact "), F("contact_id"), output_field=CharField()))]


def _timeliness(rule_id: str, label: str):
    def rows(period: Period, today: date, group: str = "") -> list:
        qs = figures.counted_obligations(period, today).filter(rule_id=rule_id, due_date__gte=period.start)
        return [_rows(qs, child=F("child_id"), on=F("due_date"), met=_flag(figures.on_time()), detail=_text(label))]
    return rows


def plans_ended_3m(period: Period, today: date, group: str = "") -> list:
    qs = CpPlan.objects.filter(end_date__gte=period.start, end_date__lte=period.end)
    early = [pk for pk, start, end in qs.values_list("pk", "start_date", "end_date") if ends_early_dates(start, end)]
    return [_rows(qs, child=F("child_id"), on=F("end_date"), met=_flag(Q(pk__in=early)),
                  detail=Concat(_text("Plan from "), F("start_date"), output_field=CharField()))]


def second_plans(period: Period, today: date, group: str = "") -> list:
    qs = CpPlan.objects.filter(start_date__gte=period.start, start_date__lte=period.end)
    return [_rows(qs, child=F("child_id"), on=F("start_date"), met=_flag(Q(previous_plans__gt=0)),
                  detail=Concat(F("previous_plans"), _text(" earlier plans"), output_field=CharField()))]


def plans_by_category(period: Period, today: date, group: str = "") -> list:
    qs = CpPlan.objects.filter(figures.open_on(period.end))
    if group:
        if group not in Category.values:
            raise UnknownGroup(f"No category {group!r}: choose one of {', '.join(Category.values)}")
        qs = qs.filter(latest_category=group)
    return [_rows(qs, child=F("child_id"), on=F("start_date"), met=Value(True), detail=F("latest_category"))]


def seen_alone(period: Period, today: date, group: str = "") -> list:
    return [_rows(model.objects.filter(visit_date__gte=period.start, visit_date__lte=period.end, child_seen=True),
                  child=F("child_id"), on=F("visit_date"), met=_flag(Q(seen_alone=True)), detail=_text(label))
            for model, label in ((Visit, "Child in need visit"), (CpVisit, "Child protection visit"))]


def cin_with_plan(period: Period, today: date, group: str = "") -> list:
    day = period.end
    planned = [Exists(model.objects.filter(figures.open_on(day), episode=OuterRef("pk")))
               for model in (CinPlan, CpPlan)]
    qs = Episode.objects.filter(figures.open_episode_on(day))
    return [_rows(qs, child=F("child_id"), on=F("referral_date"), met=_flag(Q(planned[0]) | Q(planned[1])),
                  detail=Concat(_text("Referral of "), F("referral_date"), output_field=CharField()))]


def worker_changes(period: Period, today: date, group: str = "") -> list:
    allocations = figures.allocated_in(period).filter(child=OuterRef("pk"))
    counts = allocations.values("child").annotate(n=Count("worker", distinct=True)).values("n")
    qs = Person.objects.filter(Exists(allocations)).annotate(workers=Subquery(counts))
    return [_rows(qs, child=F("pk"), on=Value(period.end), met=_flag(Q(workers__gte=figures.MANY_WORKERS)),
                  detail=Concat(F("workers"), _text(" workers in the period"), output_field=CharField()))]


def caseloads(period: Period, today: date, group: str = "") -> list:
    qs = Person.objects.filter(is_child_record=True, current_worker__isnull=False)
    if group:
        bands = {f"{low}-{high or ''}": (low, high) for low, high in figures.CASELOAD_BANDS}
        if group not in bands:
            raise UnknownGroup(f"No caseload band {group!r}")
        workers = [w for w, n in figures.caseload_counts().items() if figures.in_band(n, *bands[group])]
        qs = qs.filter(current_worker__in=workers)
    return [_rows(qs, child=F("pk"), on=Value(today), met=Value(True),
                  detail=Concat(F("current_worker__first_name"), _text(" "), F("current_worker__last_name"),
                                output_field=CharField()))]


DRILLS = {
    "contacts": contacts,
    "rereferrals": rereferrals,
    "decisions_1wd": _timeliness("referral_decision", "Decision on a contact"),
    "assessments_45wd": _timeliness("single_assessment", "Child and family assessment"),
    "icpc_15wd": _timeliness("initial_cp_conference", "Initial child protection conference"),
    "core_groups": _timeliness("core_group", "Core group meeting"),
    "cp_visits": _timeliness("cp_visit", "Child protection visit"),
    "cin_visits": _timeliness("cin_visit", "Child in need visit"),
    "plans_ended_3m": plans_ended_3m,
    "second_plans": second_plans,
    "plans_by_category": plans_by_category,
    "seen_alone": seen_alone,
    "cin_with_plan": cin_with_plan,
    "worker_changes": worker_changes,
    "caseloads": caseloads,
}
