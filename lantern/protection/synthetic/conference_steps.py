"""Conferences: an independent chair, the agencies invited (the child's involved agencies, the police
and health), reports and the parents' copy in time or not, attendance, and the recorded decision."""

from ..codes import ConferenceKind, MeetingAgency
from ..models import Conference, ConferenceInvitation
from . import text
from .strategy_steps import StrategySteps


class ConferenceSteps(StrategySteps):
    """The conference steps of the planner."""

    def chair_for(self, e) -> int | None:
        chain, worker = set(), e.worker
        current = self.inputs.line_managers.get(worker) if worker else None
        while current is not None and current not in chain:
            chain.add(current)
            current = self.inputs.line_managers.get(current)
        independent = [c for c in self.inputs.chairs if c not in chain and c != worker]
        return self.rng.choice(independent) if independent else None

    def _invite(self, conference, e, members) -> list[ConferenceInvitation]:
        rng, on = self.rng, conference.conference_date
        worker = e.worker or self.lead_for(e)
        assert worker is not None  # conferences are planned only for episodes with a lead
        people: list[tuple[str, int | None, int | None, str]] = [
            ("csc", None, worker, self.inputs.names.get(worker, "Allocated social worker"))]
        if members is not None:  # a review invites the core group (social care is already on the list)
            people += [m for m in members if m[0] != MeetingAgency.CSC]
        else:
            people += [(k, a, u, n or self.inputs.names.get(-a, k.title())) for k, a, u, n in
                       self.inputs.involved.get(e.child, [])[:3]]
            for kind in ("police", "health"):
                agencies = self.inputs.agencies.get(kind)
                if agencies and kind not in {p[0] for p in people} and rng.random() < self.p.attends[kind] + 0.1:
                    agency_id = rng.choice(agencies)
                    people.append((kind, agency_id, None, self.inputs.names.get(-agency_id, kind.title())))
        invitations = []
        for kind, agency, user, name in people:
            partner = kind != MeetingAgency.CSC
            reported = partner and rng.random() < self.p.agency_report
            invitation = ConferenceInvitation(
                conference=conference, agency_kind=kind, agency_id=agency, invitee_name=name[:120], invitee_id=user,
                invited_on=self.clock.add(on, -rng.randint(5, 10)), report="" if not reported else
                text.AGENCY_REPORT[0], report_submitted_on=self.clock.add(on, -rng.randint(1, 4)) if reported else None)
            invitations.append(invitation)
        self.rows.invitations.extend(invitations)
        return invitations

    def conference(self, e, *, kind, on, enquiry=None, plan=None, late_reason="", members=None, held: bool):
        """A conference on ``on``; ``held`` records attendance, participation and the recording dates
        (the decision itself is the caller's)."""
        rng, clock = self.rng, self.clock
        chair, arranger = self.chair_for(e), e.worker or self.lead_for(e)
        # The planner only plans a conference once it has found an independent chair and a lead.
        assert chair is not None and arranger is not None
        c = Conference(kind=kind, episode_id=e.pk, child_id=e.child, enquiry=enquiry, plan=plan, conference_date=on,
                       chair_id=chair, late_reason=late_reason, arranged_by_id=arranger,
                       social_work_report=text.REPORT[0])
        report_due = clock.due("conference_report_to_parents", on)
        shared = clock.on_time_or_late(report_due, rng.random() < self.p.report_on_time, clock.add(report_due, -4),
                                       (1, 2))
        if shared <= min(on, clock.today):
            c.report_shared_on = shared
            c.report_late_reason = text.LATE["report"] if shared > report_due else ""
        (self.rows.conferences if kind == ConferenceKind.INITIAL else self.rows.reviews).append(c)
        invitations = self._invite(c, e, members)
        if held:
            self._held(c, invitations)
        return c, invitations

    def _held(self, c, invitations) -> None:
        rng, clock, on = self.rng, self.clock, c.conference_date
        for invitation in invitations:
            chance = self.p.attends.get(invitation.agency_kind, self.p.attends["other"])
            invitation.attended = invitation.agency_kind == MeetingAgency.CSC or rng.random() < chance
        c.parents_participation = rng.choice(("attended", "attended", "part", "views", "none"))
        c.child_participation = rng.choice(("worker", "advocate", "written", "observed", "attended", "none"))
        c.advocacy_offered = rng.random() < 0.8
        decision_due = clock.due("conference_decision_recorded", on)
        recorded = clock.on_time_or_late(decision_due, rng.random() < self.p.decision_on_time, on, (1, 5))
        c.decision_recorded_on = min(recorded, max(on, clock.today))
        c.decision_late_reason = text.LATE["decision"] if c.decision_recorded_on > decision_due else ""
        minutes_due = clock.due("conference_minutes_circulated", on)
        minutes = clock.on_time_or_late(minutes_due, rng.random() < self.p.minutes_on_time, clock.add(on, 5),
                                        (1, 25))
        if minutes <= clock.today:
            c.minutes_circulated_on = minutes
            c.minutes_late_reason = text.LATE["minutes"] if minutes > minutes_due else ""
