"""One helper per state of the child protection journey, built through the services so every record
keeps the invariants the services keep. Dates count back from today in working days, so the tests
hold whatever day they run on."""

from datetime import date, time

from django.utils import timezone

from lantern.accounts.roles import AgencyKind, Role, TeamKind
from lantern.obligations.clock import current_clock
from lantern.referrals.models import Episode
from lantern.referrals.services import episode_open
from lantern.testing.factories import AgencyFactory, TeamFactory, UserFactory

from ..codes import EnquiryOutcome, StrategyDecision
from ..services import (
    conference_arrange,
    conference_decision_record,
    enquiry_conclude,
    enquiry_risk_record,
    enquiry_visit_record,
    strategy_discussion_record,
)
from ..services.decisions import ConferenceDecisionAnswers

LATE = "Recorded afterwards while the test world was built"
RISK = "Bruising seen by school; father's account does not fit; mother protective but overwhelmed."
RATIONALE = "Agencies agree the risk of significant harm continues and needs a multi-agency plan."
FIRST_ACTION = {"what": "Father completes the Caring Dads programme", "owner": "Brindleford Family Service",
                "success_measure": "Father can say what he will do instead of hitting"}


def working_days_ago(n: int) -> date:
    return current_clock().calendar.add_working_days(timezone.localdate(), -n)


def chair_user(**kwargs):
    return UserFactory(role=Role.CP_CHAIR, team=TeamFactory(kind=TeamKind.SAFEGUARDING_UNIT), **kwargs)


def open_episode(worker, child, referral_date: date | None = None):
    return episode_open(actor=worker, child=child, referral_date=referral_date or working_days_ago(40),
                        referral_source="2A", primary_need="N1")


def everyone_present(worker) -> list[dict]:
    return [{"agency_kind": "csc", "name": str(worker), "information_shared": "Two earlier referrals from school."},
            {"agency_kind": "police", "name": "DC Morgan", "information_shared": "Two call-outs to the home."},
            {"agency_kind": "health", "name": "Nurse Okoro", "information_shared": "Missed health appointments."},
            {"agency_kind": "education", "name": "Ms Hale", "information_shared": "Bruise seen on Monday."}]


def strategy(worker, episode, *, decision=StrategyDecision.S47_SINGLE, held_on: date | None = None, lead=None,
             participants=None, **kwargs):
    values = {"held_at": time(10, 30), "kind": "meeting", "concerns": "Bruising to the upper arm seen at school.",
              "referrer_agency": "education", "decision_rationale": "Reasonable cause to suspect significant harm.",
              "late_reason": LATE, **kwargs}
    return strategy_discussion_record(actor=worker, episode=episode, held_on=held_on or working_days_ago(38),
                                      participants=participants or everyone_present(worker), decision=decision,
                                      lead_worker=lead if lead is not None else worker, **values)


def concluded_enquiry(worker, manager, discussion, *, outcome=EnquiryOutcome.CONFERENCE, completed_on=None):
    enquiry = discussion.enquiry
    enquiry_visit_record(actor=worker, enquiry=enquiry, visit_date=discussion.held_on, visit_time=time(15, 0),
                         visited_by=worker, child_seen=True, seen_alone=True, notes="Seen at school with the DSL.")
    enquiry = enquiry_risk_record(actor=worker, enquiry=enquiry, risk_assessment=RISK, expected_version=enquiry.version)
    return enquiry_conclude(actor=manager, enquiry=enquiry, outcome=outcome, rationale=RATIONALE,
                            completed_on=completed_on or discussion.held_on, expected_version=enquiry.version)


def police_agency():
    return AgencyFactory(name="Brindleford Police", kind=AgencyKind.POLICE)


def arranged(actor, chair, *, on: date, enquiry=None, plan=None):
    return conference_arrange(actor=actor, enquiry=enquiry, plan=plan, conference_date=on, chair=chair,
                              starts_at=time(10, 0), late_reason=LATE)


def decide(chair, conference, *, decision="plan", category="NEG", attended=True, progress=None, **kwargs):
    values = {"parents_participation": "attended", "child_participation": "worker", "advocacy_offered": True,
              "decision_rationale": RATIONALE,
              "outline_plan": "Father stops physical chastisement; home conditions improve.",
              "late_reason": LATE, **kwargs}
    if decision == "plan":
        values.setdefault("first_action", {**FIRST_ACTION, "due_date": conference.conference_date})
    if decision in ("no_plan", "end"):
        values.setdefault("after_plan", "cin_plan")
    answers = ConferenceDecisionAnswers.from_data({
        **values, "decision": decision, "category": category if decision in ("plan", "continue") else "",
        "attendance": {i.pk: attended for i in conference.invitations.all()}, "progress": progress or {}})
    return conference_decision_record(actor=chair, conference=conference, expected_version=conference.version,
                                      answers=answers)


def plan_for_child(worker, manager, chair, child, *, icpc_days_ago: int = 25):
    """The whole journey to an open child protection plan started ``icpc_days_ago`` working days ago, in
    the child's open episode if there is one."""
    episode = (Episode.objects.filter(child=child, closure_date__isnull=True, referral_nfa=False).first()
               or open_episode(worker, child, working_days_ago(icpc_days_ago + 20)))
    discussion = strategy(worker, episode, held_on=working_days_ago(icpc_days_ago + 12))
    enquiry = concluded_enquiry(worker, manager, discussion)
    conference = arranged(worker, chair, enquiry=enquiry, on=working_days_ago(icpc_days_ago))
    decide(chair, conference)
    return conference.started_plan
