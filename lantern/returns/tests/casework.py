"""Lantern records for the census tests, made directly (not through the services: the census reads
what is stored, and the services' own tests cover how records are made). One helper per state."""

from datetime import date, time
from typing import cast

from lantern.assessments.models import Assessment, AssessmentFactor
from lantern.cin.models import CinPlan
from lantern.people.models import Person, PersonDisability
from lantern.protection.models import Conference, CpPlan, Section47Enquiry, StrategyDiscussion
from lantern.referrals.models import Episode
from lantern.testing.factories import ChildFactory, synthetic_upn

D = date
REFERRAL, ASSESSED, AUTHORISED, ENQUIRY, ICPC, CIN_PLAN = (D(2024, 5, 1), D(2024, 5, 2), D(2024, 6, 3), D(2024, 5, 3),
                                                            D(2024, 5, 20), D(2024, 11, 20))


def census_child(team, worker, serial: int = 1, **kwargs):
    child = cast(Person, ChildFactory(current_team=team, current_worker=worker, upn=synthetic_upn(serial), **kwargs))
    PersonDisability.objects.create(person=child, code="NONE")
    return child


def episode(child, worker, referral=REFERRAL, **kwargs) -> Episode:
    values = {"referral_source": "2A", "primary_need": "N1", "team": child.current_team, "worker": worker,
              "created_by": worker, **kwargs}
    return Episode.objects.create(child=child, referral_date=referral, **values)


def assessment(e, worker, start=ASSESSED, authorised=AUTHORISED, factors=("3A", "4B")) -> Assessment:
    a = Assessment.objects.create(episode=e, child=e.child, started_on=start, authorised_on=authorised,
                                  status="authorised" if authorised else "in_progress", created_by=worker)
    AssessmentFactor.objects.bulk_create(AssessmentFactor(assessment=a, code=c) for c in factors)
    return a


def enquiry(e, worker, start=ENQUIRY, outcome="", completed=None) -> Section47Enquiry:
    discussion = StrategyDiscussion.objects.create(
        episode=e, child=e.child, held_on=start, held_at=time(10), kind="meeting", concerns="Bruising seen at school",
        decision="s47_single", decision_rationale="Possible significant harm", completed_on=start, recorded_by=worker)
    return Section47Enquiry.objects.create(episode=e, child=e.child, strategy_discussion=discussion, start_date=start,
                                           lead_worker=worker, outcome=outcome, completed_on=completed)


def initial_conference(enquiry_, chair, day=ICPC, decision="plan", **kwargs) -> Conference:
    return Conference.objects.create(kind="initial", episode=enquiry_.episode, child=enquiry_.child, enquiry=enquiry_,
                                     conference_date=day, chair=chair, arranged_by=chair, decision=decision,
                                     decision_recorded_on=day if decision else None, **kwargs)


def cp_plan(conference, start=None, end=None, category="NEG") -> CpPlan:
    return CpPlan.objects.create(episode=conference.episode, child=conference.child, conference=conference,
                                 start_date=start or conference.conference_date, end_date=end,
                                 initial_category=category, latest_category=category, outcomes="Safe at home")


def review(plan, chair, day, decision="continue", **kwargs) -> Conference:
    return Conference.objects.create(kind="review", episode=plan.episode, child=plan.child, plan=plan,
                                     conference_date=day, chair=chair, arranged_by=chair, decision=decision,
                                     decision_recorded_on=day if decision else None, **kwargs)


def cin_plan(e, worker, start=CIN_PLAN, end=None) -> CinPlan:
    return CinPlan.objects.create(episode=e, child=e.child, start_date=start, end_date=end, outcomes="Calmer home",
                                  created_by=worker)


def protected_child(team, worker, chair, serial: int = 1):
    """A child of the 2024-25 census with every kind of record, breaking no census error: an
    assessment, an enquiry, a conference, a plan with a review, then a child in need plan."""
    child = census_child(team, worker, serial)
    e = episode(child, worker)
    assessment(e, worker)
    s47 = enquiry(e, worker, outcome="conference", completed=D(2024, 5, 10))
    plan = cp_plan(initial_conference(s47, chair), end=D(2024, 11, 20))
    review(plan, chair, D(2024, 8, 20))
    cin_plan(e, worker)
    return child


def wipe() -> None:
    """Remove every child and their casework (children's records are protected from deletion)."""
    from lantern.obligations.models import Obligation

    Obligation.objects.all().delete()
    Conference.objects.filter(kind="review").delete()
    CpPlan.objects.all().delete()
    Conference.objects.all().delete()
    Section47Enquiry.objects.all().delete()
    StrategyDiscussion.objects.all().delete()
    CinPlan.objects.all().delete()
    Assessment.objects.all().delete()
    Episode.objects.all().delete()
    Person.objects.all().delete()
