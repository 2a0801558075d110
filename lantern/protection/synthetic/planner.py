"""Choosing which episodes carry child protection work, and planning each journey.

Enquiries run forwards from the referral, inside the episode (before its closure, census rule
8565), a third reaching a conference and 85% of those a plan, each plan ending at the review its
length was drawn for. The children on plans today are then topped up to the national rate from open
episodes, planned backwards from today with the plan's age drawn as a renewal process would leave it
(a long plan is more likely to be running on any given day)."""

from collections import Counter
from datetime import timedelta

from ..codes import ConferenceDecision, ConferenceKind
from .clock import Clock
from .plan_steps import PlanSteps
from .profile import CONFERENCE_SHARE, ENDS_AT_REVIEW, ENQUIRIES_PER_CHILD_YEAR, ON_PLANS_PER_CHILD, PLAN_SHARE
from .profile import STRATEGY_TO_ENQUIRY as TO_ENQUIRY
from .rows import Rows
from .text import LATE, NO_PLAN_RATIONALE

MONTHS_TO_REVIEW = (3, 9, 15, 21, 27)  # when the 1st..5th review falls, roughly
# Nationally about 36% of referrals lead to an enquiry; where earlier stages made few episodes the
# national rate per child cannot be reached without enquiring into nearly every one, so it is capped.
MOST_EPISODES_WITH_AN_ENQUIRY = 0.45


class Planner(PlanSteps):
    def __init__(self, rng, profile, inputs, today):
        self.rng, self.p, self.inputs = rng, profile, inputs
        self.clock = Clock(rng, today)
        self.rows = Rows()
        self.made: Counter = Counter()

    def run(self, years: int) -> None:
        wanted = min(round(ENQUIRIES_PER_CHILD_YEAR * self.inputs.children * years),
                     round(MOST_EPISODES_WITH_AN_ENQUIRY * len(self.inputs.episodes)))
        open_wanted = round(ON_PLANS_PER_CHILD * self.inputs.children)
        # A weighted shuffle (Efraimidis-Spirakis): longer episodes tend to come first, as enquiries,
        # conferences and plans are what keep an episode open; episodes a front door decision opened
        # for a strategy discussion come before all others.
        today = self.clock.today
        keys = {e.pk: self.rng.random() ** (1 / (1 + ((e.closure or today) - e.referral).days / 120))
                for e in self.inputs.episodes}
        episodes = sorted(self.inputs.episodes, key=lambda e: (e.pk not in self.inputs.strategy_asked, -keys[e.pk]))
        used = set()
        for e in episodes:
            left = wanted - self.made["enquiries"]
            if left <= 0:
                break
            conferences_left = round(wanted * CONFERENCE_SHARE) - self.made["conferences"]
            self.forward(e, max(0.0, min(1.0, conferences_left / left)))
            used.add(e.pk)
        # Then the children on plans today, up to the national rate, from open episodes not yet used.
        for e in episodes:
            if self.made["open plans"] >= open_wanted:
                break
            if e.closure is None and e.pk not in used:
                self.running_plan(e)
        self.number_plans()

    def _end_review(self) -> int:
        early = ENDS_AT_REVIEW[0][1] + self.p.early_end_extra
        weights = [early] + [share * (1 - early) / (1 - ENDS_AT_REVIEW[0][1]) for _, share in ENDS_AT_REVIEW[1:]]
        return self.rng.choices([n for n, _ in ENDS_AT_REVIEW], weights)[0]

    def _cin_overlap(self, e, start, end) -> bool:
        return any(s < (end or self.clock.today) and (f is None or f > start)
                   for s, f in self.inputs.cin_plans.get(e.pk, ()))

    def running_plan(self, e) -> bool:
        """A plan running today, its age drawn in proportion to how long plans last."""
        clock, rng = self.clock, self.rng
        lead, chair = self.lead_for(e), self.chair_for(e)
        weights = [share * MONTHS_TO_REVIEW[n - 1] for n, share in ENDS_AT_REVIEW]
        months = MONTHS_TO_REVIEW[rng.choices(range(len(ENDS_AT_REVIEW)), weights)[0]]
        start = clock.working_on_or_before(clock.today - timedelta(days=rng.uniform(0, months * 30.4)))
        start = max(start, clock.add(e.referral, 20))
        if lead is None or chair is None or start > clock.today or self._cin_overlap(e, start, None):
            return False
        gap = rng.randint(8, 15) if rng.random() < self.p.icpc_on_time else rng.randint(16, 15 + self.p.icpc_late_wd[1])
        held_on = max(clock.add(start, -gap), e.referral)
        discussion = self.discussion(e, held_on, clock.today, enquiry=True)
        enquiry = self.enquiry(e, discussion, lead)
        completed = max(held_on, min(clock.between(held_on, 2, 8), clock.add(start, -1)))
        self.enquiry_work(e, enquiry, completed, "conference")
        conference, invitations = self._initial(e, enquiry, start, held=True)
        planned = self.start_plan(e, conference, invitations)
        self.live(e, planned, self.review_dates(start, clock.today, e.born), ends=False)
        self.made.update({"enquiries": 1, "conferences": 1, "open plans": 1})
        return True

    def _initial(self, e, enquiry, on, held: bool):
        late = LATE["icpc"] if on > self.clock.due("initial_cp_conference", enquiry.start_date) else ""
        return self.conference(e, kind=ConferenceKind.INITIAL, on=on, enquiry=enquiry, late_reason=late, held=held)

    def forward(self, e, conference_chance: float) -> None:
        clock, rng = self.clock, self.rng
        limit = e.closure or clock.today
        held_on = clock.add(e.referral, rng.randint(0, 1 if e.pk in self.inputs.strategy_asked else 8))
        if held_on > limit:
            return
        lead = self.lead_for(e)
        if lead is None or rng.random() > TO_ENQUIRY:
            self.discussion(e, held_on, limit, enquiry=False)
            return
        enquiry = self.enquiry(e, self.discussion(e, held_on, limit, enquiry=True), lead)
        self.made["enquiries"] += 1
        completed = clock.between(held_on, 3, 12)
        course = self._conference_course(e, held_on, limit) if rng.random() < conference_chance else None
        if course is not None:
            completed = max(held_on, min(completed, clock.add(course["on"], -1)))
        if completed > limit and e.closure is None:
            self.enquiry_work(e, enquiry, None, "")  # still under way today
            return
        completed = min(completed, limit)
        self.enquiry_work(e, enquiry, completed, "conference" if course else self._other_outcome())
        if course is not None:
            self.made["conferences"] += 1
            self._decide(e, enquiry, course)

    def _conference_course(self, e, held_on, limit) -> dict | None:
        """When the initial conference is, whether it starts a plan, and how long the plan runs, or None
        when that cannot happen inside the episode (it closed first): the enquiry then ends another way
        and a later episode takes the conference."""
        clock, rng = self.clock, self.rng
        if self.chair_for(e) is None:
            return None
        target = clock.due("initial_cp_conference", held_on)
        on = clock.on_time_or_late(target, rng.random() < self.p.icpc_on_time, clock.add(held_on, 8),
                                   self.p.icpc_late_wd)
        if e.closure and on > e.closure:
            return None
        # Whether a plan of the drawn length fits is settled before whether there is a plan, so the
        # episodes that cannot hold one do not tilt the conferences towards "no plan".
        ends_at, reviews = self._end_review(), self.review_dates(on, limit, e.born)
        if len(reviews) < ends_at and e.closure is not None:
            return None
        ends = len(reviews) >= ends_at
        if self._cin_overlap(e, on, reviews[ends_at - 1] if ends else None):
            return None  # a child in need plan runs then (the two must not overlap)
        plan = on <= clock.today and rng.random() < PLAN_SHARE
        return {"on": on, "plan": plan, "reviews": reviews[:ends_at], "ends": ends}

    def _other_outcome(self) -> str:
        return self.rng.choices(("nfa", "cin_plan", "legal"), (0.5, 0.45, 0.05))[0]

    def _decide(self, e, enquiry, course) -> None:
        conference, invitations = self._initial(e, enquiry, course["on"], held=course["on"] <= self.clock.today)
        if not conference.decision_recorded_on:
            return  # arranged, not yet held
        if not course["plan"]:
            conference.decision, conference.decision_rationale = ConferenceDecision.NO_PLAN, NO_PLAN_RATIONALE
            conference.after_plan = "cin_plan" if self.rng.random() < 0.7 else "no_services"
            return
        planned = self.start_plan(e, conference, invitations)
        self.live(e, planned, course["reviews"], ends=course["ends"])
        if not course["ends"]:
            self.made["open plans"] += 1

    def number_plans(self) -> None:
        """NumberOfPreviousCPP: the child's plans that started before this one, old and new."""
        starts: dict[int, list] = {}
        for child, days in self.inputs.plans_before.items():
            starts[child] = list(days)
        for plan in self.rows.plans:
            starts.setdefault(plan.child_id, []).append(plan.start_date)
        for plan in self.rows.plans:
            plan.previous_plans = sum(1 for day in starts[plan.child_id] if day < plan.start_date)
