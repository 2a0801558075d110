"""A strategy discussion and the enquiry it starts: who took part (absences with reasons), the
decision, the actions, then the enquiry's visits by registered social workers, the assessment of
risk and the manager's outcome."""

from collections.abc import Sequence
from datetime import time

from ..codes import MeetingAgency, StrategyDecision, referrer_agency_for
from ..models import (
    EnquiryVisit,
    Section47Enquiry,
    StrategyAction,
    StrategyDiscussion,
    StrategyParticipant,
    WrittenAgreement,
)
from . import text
from .base import PlannerBase

EXPECTED = ("police", "health")


class StrategySteps(PlannerBase):
    """The strategy discussion and enquiry steps of the planner."""

    def lead_for(self, e) -> int | None:
        registered = self.inputs.registered
        if e.worker and e.worker in registered.get(None, ()):
            return e.worker
        pool = registered.get(e.team) or registered.get(None) or []
        return self.rng.choice(pool) if pool else None

    def manager_for(self, e) -> int | None:
        return self.inputs.managers.get(e.team) or (self.rng.choice(self.inputs.service_managers)
                                                     if self.inputs.service_managers else None)

    def _present(self, kind: str) -> bool:
        return self.rng.random() < self.p.present.get(kind, 0.5)

    def discussion(self, e, held_on, limit, *, enquiry: bool) -> StrategyDiscussion:
        rng, clock = self.rng, self.clock
        referrer = referrer_agency_for(e.source)
        present = {"csc"} | {k for k in EXPECTED if self._present(k)}
        if rng.random() < self.p.present["education"]:
            present.add("education")
        if referrer and referrer not in EXPECTED and self._present("referrer"):
            present.add(referrer)
        decision = StrategyDecision.NO_ENQUIRY
        if enquiry:
            joint = "police" in present and rng.random() < 0.4
            decision = StrategyDecision.S47_JOINT if joint else StrategyDecision.S47_SINGLE
        due = clock.due("strategy_discussion_record", held_on)
        completed = min(clock.on_time_or_late(due, rng.random() < self.p.record_on_time, held_on, (1, 6)),
                        max(held_on, min(limit, clock.today)))
        recorder = e.worker or self.lead_for(e) or self.manager_for(e)
        assert recorder is not None  # every synthetic authority has service managers
        d = StrategyDiscussion(
            episode_id=e.pk, child_id=e.child, held_on=held_on, held_at=time(rng.randint(8, 17), rng.choice((0, 30))),
            kind=rng.choice(("meeting", "call")), concerns=rng.choice(text.CONCERNS), referrer_agency=referrer,
            decision=decision, decision_rationale=rng.choice(text.RATIONALE) if enquiry else text.NO_ENQUIRY,
            completed_on=completed, late_reason=text.LATE["record"] if completed > due else "", recorded_by_id=recorder,
            police_absent_reason="" if "police" in present else rng.choice(text.ABSENT["police"]),
            health_absent_reason="" if "health" in present else rng.choice(text.ABSENT["health"]),
            referrer_absent_reason="" if not referrer or referrer in present or referrer in EXPECTED
            else rng.choice(text.ABSENT["referrer"]))
        self.rows.discussions.append(d)
        for kind in sorted(present):
            shared = text.SHARED.get(kind, text.SHARED["other"])
            agencies: Sequence[int | None] = self.inputs.agencies.get(kind) or [None]
            self.rows.participants.append(StrategyParticipant(
                discussion=d, agency_kind=kind, agency_id=None if kind == MeetingAgency.CSC else rng.choice(agencies),
                name=self.inputs.names.get(recorder, "Social worker") if kind == "csc" else f"{kind.title()} lead",
                information_shared=rng.choice(shared)))
        for what, owner in rng.sample(text.ACTIONS, rng.randint(1, 3)):
            self.rows.strategy_actions.append(StrategyAction(discussion=d, what=what, owner=owner,
                                                             due_date=clock.between(held_on, 1, 5)))
        return d

    def enquiry(self, e, d, lead) -> Section47Enquiry:
        enquiry = Section47Enquiry(episode_id=e.pk, child_id=e.child, strategy_discussion=d, start_date=d.held_on,
                                   joint_with_police=d.decision == StrategyDecision.S47_JOINT, lead_worker_id=lead,
                                   police_contact="DC on the child abuse investigation team"
                                   if d.decision == StrategyDecision.S47_JOINT else "")
        self.rows.enquiries.append(enquiry)
        return enquiry

    def enquiry_work(self, e, enquiry, completed_on, outcome) -> None:
        """Visits up to ``completed_on``, then (if it is set) the risk and the manager's outcome."""
        rng, clock = self.rng, self.clock
        first = enquiry.start_date
        last = completed_on or min(clock.today, e.closure or clock.today)
        for day in sorted({first, clock.add(first, rng.randint(1, 4))}):
            if day > last:
                continue
            late_night = rng.random() < 0.12 and self.inputs.out_of_hours
            visitor = rng.choice(self.inputs.out_of_hours) if late_night else enquiry.lead_worker_id
            seen = rng.random() < 0.95
            alone = seen and rng.random() < self.p.seen_alone
            self.rows.enquiry_visits.append(EnquiryVisit(
                enquiry=enquiry, child_id=e.child, visit_date=day, visit_time=time(20, 15) if late_night else time(11),
                out_of_hours=bool(late_night) or not clock.calendar.is_working_day(day), visited_by_id=visitor,
                child_seen=seen, not_seen_reason="" if seen else "No one answered the door.",
                seen_alone=alone if seen else None, not_seen_alone_reason="" if alone or not seen
                else rng.choice(text.NOT_ALONE), notes=rng.choice(text.VISIT_NOTES), recorded_by_id=visitor))
            if seen and enquiry.child_seen_on is None:
                enquiry.child_seen_on, enquiry.seen_alone = day, alone
        if completed_on is None:
            return
        enquiry.risk_assessment, enquiry.risk_assessed_on = rng.choice(text.RISK), completed_on
        enquiry.outcome, enquiry.outcome_rationale = outcome, text.OUTCOME[outcome]
        enquiry.decided_by_id, enquiry.completed_on = self.manager_for(e), completed_on
        if rng.random() < 0.05:
            self.rows.agreements.append(WrittenAgreement(
                enquiry=enquiry, child_id=e.child, terms="Father will not stay at the house while the work continues.",
                monitored_by="Health visitor", monitoring="Unannounced visits twice a week",
                review_on=clock.add(completed_on, 20), status="agreed", proposed_by_id=enquiry.lead_worker_id,
                decided_by_id=enquiry.decided_by_id, decided_on=completed_on,
                rationale="Risk is managed with the visits in place."))
