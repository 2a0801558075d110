"""The child protection part of the extract: Section47 blocks (with the initial conference held
for each enquiry and the conference's target date from the statutory clock), and child protection
plans with their review conferences. Five queries, whatever the number of children."""

from collections import defaultdict

from lantern.obligations.models import Obligation
from lantern.protection.codes import ConferenceKind, EnquiryOutcome
from lantern.protection.models import Conference, CpPlan, Section47Enquiry
from lantern.protection.obligations import ENQUIRY_SOURCE

from .records import CpPlanRecord, EpisodeRecord, Section47Record
from .years import CollectionYear

ICPC_RULE = "initial_cp_conference"


class ProtectionRows:
    def __init__(self, year: CollectionYear, episode_ids):
        self.year, self.ref, self.episode_ids = year, year.reference_date, episode_ids
        self._clock = None  # loaded once, only if an enquiry has no stored due date

    def attach(self, episodes: dict[int, EpisodeRecord]) -> None:
        for episode_id, record, at_episode_level in self._enquiries():
            episode = episodes[episode_id]
            if at_episode_level:
                episode.icpc_date = record.icpc_date
            else:
                episode.s47s.append(record)
        for episode_id, record in self._plans():
            episodes[episode_id].cp_plans.append(record)

    def _enquiries(self):
        from lantern.returns.models import CensusEnquiry

        enquiries = Section47Enquiry.objects.filter(episode_id__in=self.episode_ids, start_date__lte=self.ref)
        rows = list(enquiries.order_by("start_date", "id").values("id", "episode_id", "start_date", "outcome",
                                                                   "completed_on"))
        if not rows:
            return
        ids = enquiries.values("id")
        held: dict[int, object] = {}
        for enquiry_id, day in Conference.objects.filter(
                kind=ConferenceKind.INITIAL, enquiry__in=ids, cancelled_on__isnull=True,
                conference_date__lte=self.ref).exclude(decision="").order_by("conference_date", "id").values_list(
                "enquiry_id", "conference_date"):
            held.setdefault(enquiry_id, day)
        targets = dict(Obligation.objects.filter(source_type=ENQUIRY_SOURCE, rule_id=ICPC_RULE, occurrence=1,
                                                 source_id__in=ids).values_list("source_id", "due_date"))
        episode_level = set(CensusEnquiry.objects.filter(enquiry__in=ids, episode_level_icpc=True).values_list(
            "enquiry_id", flat=True))
        for row in rows:
            icpc = held.get(row["id"])
            if row["id"] in episode_level:
                if self.year.contains(icpc):
                    yield row["episode_id"], Section47Record(start=None, icpc_date=icpc), True
                continue
            completed = row["completed_on"] is not None and row["completed_on"] <= self.ref
            not_required = icpc is None and completed and row["outcome"] != EnquiryOutcome.CONFERENCE
            if row["start_date"] < self.year.start and not self._open_in_period(icpc, not_required, row):
                continue
            yield row["episode_id"], Section47Record(
                start=row["start_date"], icpc_target=targets.get(row["id"]) or self._target(row["start_date"]),
                icpc_date=icpc, icpc_not_required=not_required, source_id=row["id"]), False

    def _open_in_period(self, icpc, not_required: bool, row) -> bool:
        if icpc is not None:
            return icpc >= self.year.start
        return not (not_required and row["completed_on"] < self.year.start)

    def _target(self, start):
        """The statutory clock's due date, for an enquiry whose obligation is not stored yet."""
        from lantern.obligations.clock import current_clock
        from lantern.timescales.deadlines import compute_deadline
        from lantern.timescales.rules import rule_for

        if self._clock is None:
            self._clock = current_clock()
        clock = self._clock
        return compute_deadline(rule_for(ICPC_RULE), start, calendar=clock.calendar, policy=clock.policy).due_date

    def _plans(self):
        plans = CpPlan.objects.filter(episode_id__in=self.episode_ids, start_date__lte=self.ref)
        rows = list(plans.order_by("start_date", "id").values("id", "episode_id", "start_date", "end_date",
                                                               "initial_category", "latest_category", "previous_plans"))
        if not rows:
            return
        reviews = defaultdict(list)
        for plan_id, day in Conference.objects.filter(
                kind=ConferenceKind.REVIEW, plan__in=plans.values("id"), cancelled_on__isnull=True,
                conference_date__gte=self.year.start, conference_date__lte=self.ref).exclude(decision="").order_by(
                "conference_date", "id").values_list("plan_id", "conference_date"):
            reviews[plan_id].append(day)
        for row in rows:
            end = row["end_date"] if row["end_date"] is not None and row["end_date"] <= self.ref else None
            if end is not None and end < self.year.start:
                continue
            yield row["episode_id"], CpPlanRecord(
                start=row["start_date"], end=end, initial_category=row["initial_category"],
                latest_category=row["latest_category"], previous_plans=row["previous_plans"],
                reviews=reviews.get(row["id"], []), source_id=row["id"])
