"""A plan's life: its actions and core group, core groups and visits at the profile's rhythm (each
late one with its reason), review conferences, and its end (within 3 months only with a service
manager's rationale)."""

from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from ..codes import ConferenceDecision, ConferenceKind
from ..models import ActionProgress, CoreGroup, CoreGroupMember, CpPlan, CpVisit, PlanAction
from ..services.plan_changes import EARLY_END
from . import text
from .conference_steps import ConferenceSteps
from .profile import CATEGORIES


@dataclass
class PlannedPlan:
    """An unsaved plan with its actions and core group, kept together for the rest of its life
    (progress and attendance point at them)."""

    plan: CpPlan
    actions: list[PlanAction]
    members: list[CoreGroupMember]


class PlanSteps(ConferenceSteps):
    """The plan steps of the planner."""

    def category(self) -> str:
        roll, total = self.rng.random(), 0.0
        for code, share in CATEGORIES:
            total += share
            if roll < total:
                return code
        return CATEGORIES[0][0]

    def review_due(self, start: date, held: list[date], born: date | None) -> date:
        """When the next review is due after those ``held``: the regular interval, or for a plan made
        before the birth, soon after the birth if that comes first and no review has followed it."""
        previous = held[-1] if held else start
        due = self.clock.due("review_cp_conference", previous, len(held) + 1, series_start=start)
        if born is not None and start < born <= due and not any(day >= born for day in held):
            due = min(due, self.clock.due("pre_birth_review", born))
        return due

    def review_dates(self, start, until, born: date | None = None) -> list:
        """Review conferences from the plan's start, each on time or late by the profile, up to ``until``."""
        dates: list[date] = []
        previous = start
        while True:
            due = self.review_due(start, dates, born)
            on_time = self.rng.random() < self.p.review_on_time
            day = self.clock.on_time_or_late(due, on_time, self.clock.add(due, -10), (1, 15))
            if day <= previous:
                day = self.clock.add(previous, 1)
            if day > until:
                return dates
            dates.append(day)
            previous = day

    def start_plan(self, e, conference, invitations) -> PlannedPlan:
        conference.decision, conference.category = ConferenceDecision.PLAN, self.category()
        conference.outline_plan = self.rng.choice(text.OUTLINE)
        conference.decision_rationale = self.rng.choice(text.CONFERENCE_RATIONALE)
        plan = CpPlan(episode_id=e.pk, child_id=e.child, conference=conference, start_date=conference.conference_date,
                      initial_category=conference.category, latest_category=conference.category,
                      outcomes=conference.outline_plan)
        self.rows.plans.append(plan)
        chosen = self.rng.sample(text.PLAN_ACTIONS, self.rng.randint(2, 3))
        actions = [PlanAction(plan=plan, what=what, owner=owner, success_measure=measure,
                              due_date=plan.start_date + relativedelta(months=self.rng.randint(1, 4)),
                              created_by_id=conference.arranged_by_id)
                   for what, owner, measure in chosen]
        self.rows.actions.extend(actions)
        planned = PlannedPlan(plan, actions, members=[])
        for i in invitations:
            member = CoreGroupMember(plan=plan, agency_kind=i.agency_kind, agency_id=i.agency_id,
                                     name=i.invitee_name, user_id=i.invitee_id, joined_on=plan.start_date)
            self.rows.members.append(member)
            planned.members.append(member)
        return planned

    def _progress(self, planned: PlannedPlan, **where) -> None:
        for action in planned.actions:
            status = self.rng.choice(("on_track", "on_track", "achieved", "off_track", "not_started"))
            self.rows.progress.append(ActionProgress(action=action, status=status, note="Some sessions missed."
                                                     if status == "off_track" else "", **where))

    def live(self, e, planned: PlannedPlan, reviews: list, ends: bool) -> None:
        """Reviews on ``reviews`` (the last ends the plan when ``ends``), and core groups and visits
        between the start and the end (or today)."""
        plan = planned.plan
        members = [(m.agency_kind, m.agency_id, m.user_id, m.name) for m in planned.members]
        for n, day in enumerate(reviews, start=1):
            due = self.review_due(plan.start_date, reviews[:n - 1], e.born)
            review, _ = self.conference(e, kind=ConferenceKind.REVIEW, on=day, plan=plan, members=members, held=True,
                                        late_reason=text.LATE["review"] if day > due else "")
            last = ends and n == len(reviews)
            review.decision = ConferenceDecision.END if last else ConferenceDecision.CONTINUE
            review.decision_rationale = self.rng.choice(text.CONFERENCE_RATIONALE)
            if last:
                review.after_plan = "cin_plan" if self.rng.random() < 0.7 else "no_services"
            else:
                review.category = plan.latest_category = (self.category() if self.rng.random() < 0.1
                                                          else plan.latest_category)
            self._progress(planned, conference=review)
        end = reviews[-1] if ends and reviews else None
        if end is not None:
            plan.end_date, plan.after_plan = end, self.rows.reviews[-1].after_plan
            self.rows.plan_ends.append((plan, self.rows.reviews[-1]))
            if end <= plan.start_date + EARLY_END:
                plan.early_end_rationale = self.rng.choice(text.EARLY_END)
                plan.early_end_approved_by_id = (self.rng.choice(self.inputs.service_managers)
                                                 if self.inputs.service_managers else None)
        until = end or self.clock.today
        self._core_groups(planned, until)
        self._visits(plan, until)

    def _core_groups(self, planned: PlannedPlan, until) -> None:
        plan = planned.plan
        previous, n = plan.start_date, 1
        while True:
            due = self.clock.due("core_group", previous, n, series_start=plan.start_date)
            if n == 1:
                on_time = self.rng.random() < self.p.first_core_group_on_time
                day = self.clock.on_time_or_late(due, on_time, self.clock.add(previous, 5), (1, 10))
            else:
                day = self.clock.working_on_or_before(previous + relativedelta(weeks=self.rng.randint(
                    *self.p.core_group_weeks)))
            if day > until or day <= previous:
                return
            group = CoreGroup(plan=plan, child_id=plan.child_id, held_on=day, summary=self.rng.choice(text.CORE_GROUP),
                              late_reason=text.LATE["core_group"] if day > due else "",
                              recorded_by_id=plan.conference.arranged_by_id)
            self.rows.core_groups.append(group)
            for member in self.rng.sample(planned.members, max(1, len(planned.members) * 2 // 3)):
                self.rows.attendance.append((group, member))
            self._progress(planned, core_group=group)
            previous, n = day, n + 1

    def _visits(self, plan, until) -> None:
        """Visits at the profile's rhythm; each is due from the last one at which the child was seen."""
        cursor = last_seen = plan.start_date
        n, worker = 1, plan.conference.arranged_by_id
        while True:
            day = self.clock.add(cursor, self.rng.randint(*self.p.visit_wd))
            if day > until:
                return
            due = self.clock.due("cp_visit", last_seen, n, series_start=plan.start_date)
            seen = self.rng.random() < 0.93
            alone = seen and self.rng.random() < self.p.seen_alone
            self.rows.visits.append(CpVisit(
                plan=plan, child_id=plan.child_id, visit_date=day, visited_by_id=worker, child_seen=seen,
                not_seen_reason="" if seen else "No answer at the door.", seen_alone=alone if seen else None,
                not_seen_alone_reason="" if alone or not seen else self.rng.choice(text.NOT_ALONE),
                bedroom_seen=self.rng.random() < self.p.bedroom_seen, child_words=self.rng.choice(text.CHILD_WORDS)
                if seen else "", observations=self.rng.choice(text.OBSERVATIONS),
                late_reason=text.LATE["visit"] if seen and day > due else "", recorded_by_id=worker))
            cursor = day
            if seen:
                last_seen, n = day, n + 1
