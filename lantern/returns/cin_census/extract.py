"""Lantern's records -> the census records of one collection year.

A child is in the return when one of their episodes was open at some point in the period
(referred on or before ReferenceDate, not closed before 1 April). Everything is read as it stood on
ReferenceDate: a closure, an authorisation or a plan end dated later is left out, and so is any
activity that started later. Inside an episode, activity that ended before the period is left out.

The number of queries is fixed (one per table, each filtered by a subquery), whatever the number of
children: rows are read with values() and grouped in Python."""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from django.db.models import Q

from lantern.assessments.models import Assessment, AssessmentFactor
from lantern.cin.models import CinPlan
from lantern.people.models import Person, PersonDisability
from lantern.referrals.models import Episode

from .protection_extract import ProtectionRows
from .records import AssessmentRecord, ChildRecord, CinPlanRecord, EpisodeRecord, Header, Return
from .years import CollectionYear

PERSON_FIELDS = ("id", "upn", "date_of_birth", "expected_date_of_birth", "date_of_death", "sex", "ethnicity")
EPISODE_FIELDS = ("id", "child_id", "referral_date", "referral_source", "primary_need", "referral_nfa",
                  "closure_date", "closure_reason")


def _by_date(day: date | None, ref: date) -> date | None:
    """A date as it was known on ReferenceDate: a later one had not happened yet."""
    return day if day is not None and day <= ref else None


def episodes_in_year(year: CollectionYear, child_ids: Iterable[int] | None = None):
    episodes = Episode.objects.filter(referral_date__lte=year.reference_date, child__is_child_record=True).filter(
        Q(closure_date__isnull=True) | Q(closure_date__gte=year.start))
    if child_ids is not None:
        episodes = episodes.filter(child_id__in=list(child_ids))
    return episodes


class Extractor:
    def __init__(self, year: CollectionYear, child_ids: Iterable[int] | None = None, la_code: str = ""):
        self.year, self.la_code = year, la_code
        self.ref = year.reference_date
        self.episodes = episodes_in_year(year, child_ids)
        self.children = self.episodes.values("child_id")

    def run(self) -> Return:
        from lantern.returns.models import CensusAssessment, CensusChild

        header = Header(year=self.year.year, reference_date=self.ref, lea=self.la_code)
        episodes, child_of = self._episodes()
        if not episodes:
            return Return(header=header)
        ids = self.episodes.values("id")
        assessments = Assessment.objects.filter(episode_id__in=ids, started_on__lte=self.ref).filter(
            Q(authorised_on__isnull=True) | Q(authorised_on__gte=self.year.start))
        for episode_id, record in self._assessments(assessments, CensusAssessment):
            episodes[episode_id].assessments.append(record)
        for episode_id, record in self._cin_plans(ids):
            episodes[episode_id].cin_plans.append(record)
        ProtectionRows(self.year, ids).attach(episodes)
        children = self._children(CensusChild)
        for episode_id, episode in episodes.items():
            children[child_of[episode_id]].episodes.append(episode)
        return Return(header=header, children=sorted(children.values(), key=lambda c: c.la_child_id))

    def _episodes(self) -> tuple[dict[int, EpisodeRecord], dict[int, int]]:
        found, child_of = {}, {}
        for row in self.episodes.order_by("child_id", "referral_date", "id").values(*EPISODE_FIELDS):
            closed = _by_date(row["closure_date"], self.ref)
            record = EpisodeRecord(
                referral_date=row["referral_date"], referral_source=row["referral_source"],
                primary_need=row["primary_need"], closure_date=closed,
                closure_reason=row["closure_reason"] if closed else "", nfa=row["referral_nfa"], source_id=row["id"])
            found[row["id"]], child_of[row["id"]] = record, row["child_id"]
        return found, child_of

    def _assessments(self, assessments, extra_model):
        rows = list(assessments.order_by("started_on", "id").values("id", "episode_id", "started_on", "authorised_on"))
        if not rows:
            return
        factors = defaultdict(list)
        for assessment_id, code in AssessmentFactor.objects.filter(
                assessment__in=assessments.values("id")).order_by("id").values_list("assessment_id", "code"):
            factors[assessment_id].append(code)
        reviews = dict(extra_model.objects.filter(assessment__in=assessments.values("id")).values_list(
            "assessment_id", "internal_review_date"))
        for row in rows:
            authorised = _by_date(row["authorised_on"], self.ref)
            if authorised is not None and authorised < self.year.start:
                continue  # finished before the period
            record = AssessmentRecord(
                start=row["started_on"], internal_review=_by_date(reviews.get(row["id"]), self.ref),
                authorised=authorised, factors=factors.get(row["id"], []) if authorised else [], source_id=row["id"])
            yield row["episode_id"], record

    def _cin_plans(self, episode_ids):
        plans = CinPlan.objects.filter(episode_id__in=episode_ids, start_date__lte=self.ref)
        for row in plans.order_by("start_date", "id").values("id", "episode_id", "start_date", "end_date"):
            end = _by_date(row["end_date"], self.ref)
            if end is None or end >= self.year.start:
                yield row["episode_id"], CinPlanRecord(start=row["start_date"], end=end, source_id=row["id"])

    def _children(self, extra_model) -> dict:
        people = Person.objects.filter(pk__in=self.children)
        disabilities = defaultdict(list)
        for person_id, code in PersonDisability.objects.filter(person__in=self.children).order_by("id").values_list(
                "person_id", "code"):
            disabilities[person_id].append(code)
        identities = {row["person_id"]: row for row in extra_model.objects.filter(person__in=self.children).values(
            "person_id", "la_child_id", "former_upn", "upn_unknown")}
        children = {}
        for row in people.values(*PERSON_FIELDS):
            known = identities.get(row["id"], {})
            born, expected, sex = row["date_of_birth"], row["expected_date_of_birth"], row["sex"]
            if born is not None and born > self.ref:
                born, expected, sex = None, born, "U"  # on ReferenceDate the child was not born yet
            children[row["id"]] = ChildRecord(
                la_child_id=known.get("la_child_id") or lantern_child_id(row["id"]), upn=row["upn"],
                former_upn=known.get("former_upn", ""), upn_unknown=known.get("upn_unknown", ""),
                birth_date=born, expected_birth_date=expected, sex=sex,
                death_date=_by_date(row["date_of_death"], self.ref), ethnicity=row["ethnicity"],
                disabilities=disabilities.get(row["id"], []), person_id=row["id"])
        return children



def lantern_child_id(person_id: int) -> str:
    return Person(pk=person_id).lantern_id


def extract_return(year: CollectionYear, *, child_ids: Iterable[int] | None = None, la_code: str = "") -> Return:
    return Extractor(year, child_ids, la_code).run()

