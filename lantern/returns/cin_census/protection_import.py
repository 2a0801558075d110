"""The child protection part of an import. Lantern keeps more than the census does: an enquiry
hangs off the strategy discussion that started it, a plan off the initial conference that decided
it, and a review off a conference. So each Section47 block becomes a strategy discussion, an enquiry
and (when held) an initial conference; an episode-level DateOfInitialCPC becomes the same, marked so
that the census writes it back at episode level; a plan that started before the period, whose
conference is not in the file, gets one dated on its start; each review date becomes a review
conference."""

from datetime import time

from lantern.protection.codes import ConferenceDecision, ConferenceKind, DiscussionKind, EnquiryOutcome
from lantern.protection.codes import StrategyDecision as Decision
from lantern.protection.models import Conference, CpPlan, Section47Enquiry, StrategyDiscussion

MIGRATED = "Migrated from a CIN census return"
NOT_IN_FILE = "Migrated from a CIN census return, which does not record this"


class _Held:
    """One enquiry to create: its start, its initial conference date, whether one was ruled out."""

    __slots__ = ("episode", "start", "icpc", "not_required", "episode_level", "conference")

    def __init__(self, episode, start, icpc, not_required=False, episode_level=False):
        self.episode, self.start, self.icpc = episode, start, icpc
        self.not_required, self.episode_level, self.conference = not_required, episode_level, None


class ProtectionImport:
    def __init__(self, importer):
        self.importer, self.actor = importer, importer.actor

    def run(self, pairs) -> None:
        held: list[_Held] = []
        for e, episode in pairs:
            held += [_Held(episode, s.start, s.icpc_date, bool(s.icpc_not_required)) for s in e.s47s]
            if e.icpc_date:
                held.append(_Held(episode, e.icpc_date, e.icpc_date, episode_level=True))
            conference_days = {h.icpc for h in held if h.episode is episode and h.icpc}
            held += [_Held(episode, p.start, p.start) for p in e.cp_plans
                     if p.start and p.start < self.importer.year.start and p.start not in conference_days]
        plan_days = {(episode.pk, p.start) for e, episode in pairs for p in e.cp_plans}
        self._enquiries(held, plan_days)
        self._plans(pairs, held)

    def _enquiries(self, held: list[_Held], plan_days: set) -> None:
        from lantern.returns.models import CensusEnquiry

        discussions = self.importer._insert(StrategyDiscussion, [StrategyDiscussion(
            episode=h.episode, child_id=h.episode.child_id, held_on=h.start, held_at=time(9, 0),
            kind=DiscussionKind.MEETING, concerns=NOT_IN_FILE, decision=Decision.S47_SINGLE,
            decision_rationale=NOT_IN_FILE, completed_on=h.start, recorded_by=self.actor) for h in held],
            "strategy discussions")
        rows = [self._enquiry(h, discussion) for h, discussion in zip(held, discussions, strict=True)]
        enquiries = self.importer._insert(Section47Enquiry, rows, "section 47 enquiries")
        with_conference = [(h, enquiry) for h, enquiry in zip(held, enquiries, strict=True) if h.icpc]
        conferences = self.importer._insert(Conference, [Conference(
            kind=ConferenceKind.INITIAL, episode=h.episode, child_id=h.episode.child_id, enquiry=enquiry,
            conference_date=h.icpc, chair=self.actor, arranged_by=self.actor,
            decision=ConferenceDecision.PLAN if (h.episode.pk, h.icpc) in plan_days else ConferenceDecision.NO_PLAN,
            decision_rationale=MIGRATED, decision_recorded_on=h.icpc) for h, enquiry in with_conference],
            "initial conferences")
        for (h, _), conference in zip(with_conference, conferences, strict=True):
            h.conference = conference
        self.importer._insert(CensusEnquiry, [CensusEnquiry(enquiry=enquiry, episode_level_icpc=True)
                                              for h, enquiry in zip(held, enquiries, strict=True) if h.episode_level],
                              "episode-level conferences")

    def _enquiry(self, h: _Held, discussion) -> Section47Enquiry:
        outcome: str
        if h.icpc:
            outcome, completed = EnquiryOutcome.CONFERENCE, h.icpc
        elif h.not_required:
            outcome, completed = EnquiryOutcome.NFA, h.start
        else:
            outcome, completed = "", None
        return Section47Enquiry(episode=h.episode, child_id=h.episode.child_id, strategy_discussion=discussion,
                                start_date=h.start, lead_worker=self.actor, outcome=outcome, completed_on=completed,
                                outcome_rationale=MIGRATED if outcome else "")

    def _plans(self, pairs, held: list[_Held]) -> None:
        free: dict[tuple, list[Conference]] = {}
        for h in held:
            if h.conference is not None:
                free.setdefault((h.episode.pk, h.icpc), []).append(h.conference)
        records, rows = [], []
        for e, episode in pairs:
            for p in e.cp_plans:
                conference = free[(episode.pk, p.start)].pop(0)
                records.append(p)
                rows.append(CpPlan(episode=episode, child_id=episode.child_id, conference=conference,
                                   start_date=p.start, end_date=p.end, initial_category=p.initial_category,
                                   latest_category=p.latest_category or p.initial_category, outcomes=MIGRATED,
                                   previous_plans=p.previous_plans or 0))
        plans = self.importer._insert(CpPlan, rows, "child protection plans")
        reviews = [Conference(
            kind=ConferenceKind.REVIEW, episode=plan.episode, child_id=plan.child_id, plan=plan, conference_date=day,
            chair=self.actor, arranged_by=self.actor,
            decision=ConferenceDecision.END if day == plan.end_date else ConferenceDecision.CONTINUE,
            decision_rationale=MIGRATED, decision_recorded_on=day)
            for p, plan in zip(records, plans, strict=True) for day in p.reviews if day is not None]
        self.importer._insert(Conference, reviews, "review conferences")
