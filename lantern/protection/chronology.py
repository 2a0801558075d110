"""Child protection in the child's chronology, and in the episode's activity (for the closure
checks: an enquiry, conference or plan is a "plan" under census rule 2990)."""

from lantern.chronology.registry import ChronologyEvent
from lantern.referrals.activity import OTHER, PLAN, Activity

from .links import conference_link, enquiry_link, plan_link, strategy_link
from .models import Conference, CoreGroup, CpPlan, CpVisit, Section47Enquiry, StrategyDiscussion


def strategy_events(child):
    for d in StrategyDiscussion.objects.filter(child=child).prefetch_related("participants"):
        agencies = ", ".join(sorted({p.get_agency_kind_display() for p in d.participants.all()}))
        yield ChronologyEvent(kind="strategy_discussion", key=f"strategy:{d.pk}", on=d.held_on,
                              title=f"Strategy discussion: {d.get_decision_display()}",
                              detail=f"Took part: {agencies}. {d.decision_rationale}", link=strategy_link(d))


def enquiry_events(child):
    for e in Section47Enquiry.objects.filter(child=child).select_related("lead_worker"):
        joint = " jointly with the police" if e.joint_with_police else ""
        yield ChronologyEvent(kind="s47_enquiry", key=f"s47:{e.pk}", on=e.start_date,
                              title=f"Section 47 enquiry started{joint}", detail=f"Led by {e.lead_worker}",
                              link=enquiry_link(e))
        if e.completed_on:
            yield ChronologyEvent(kind="s47_enquiry", key=f"s47-end:{e.pk}", on=e.completed_on,
                                  title=f"Section 47 enquiry concluded: {e.get_outcome_display()}",
                                  detail=e.outcome_rationale, link=enquiry_link(e))


def conference_events(child):
    for c in Conference.objects.filter(child=child, decision__gt=""):
        category = f" ({c.get_category_display()})" if c.category else ""
        yield ChronologyEvent(kind="cp_conference", key=f"conference:{c.pk}", on=c.conference_date,
                              title=f"{c.get_kind_display()}: {c.get_decision_display()}{category}",
                              detail=c.decision_rationale, link=conference_link(c))


def plan_events(child):
    for p in CpPlan.objects.filter(child=child):
        repeat = f" (plan number {p.previous_plans + 1})" if p.previous_plans else ""
        yield ChronologyEvent(kind="cp_plan", key=f"cp-plan:{p.pk}", on=p.start_date,
                              title=f"Child protection plan started: {p.get_initial_category_display()}{repeat}",
                              detail=p.outcomes, link=plan_link(p))
        if p.end_date:
            yield ChronologyEvent(kind="cp_plan", key=f"cp-plan-end:{p.pk}", on=p.end_date,
                                  title="Child protection plan ended", detail=p.get_after_plan_display(),
                                  link=plan_link(p))


def core_group_events(child):
    for g in CoreGroup.objects.filter(child=child).select_related("plan"):
        yield ChronologyEvent(kind="core_group", key=f"core-group:{g.pk}", on=g.held_on, title="Core group meeting",
                              detail=g.summary, link=plan_link(g.plan))


def visit_events(child):
    for v in CpVisit.objects.filter(child=child).select_related("plan"):
        seen = ("seen alone" if v.seen_alone else "seen, not alone") if v.child_seen else "not seen"
        yield ChronologyEvent(kind="cp_visit", key=f"cp-visit:{v.pk}", on=v.visit_date,
                              title=f"Child protection visit: child {seen}", detail=v.child_words or v.observations,
                              link=plan_link(v.plan))


KINDS = (("strategy_discussion", "Strategy discussions", strategy_events),
         ("s47_enquiry", "Section 47 enquiries", enquiry_events),
         ("cp_conference", "Child protection conferences", conference_events),
         ("cp_plan", "Child protection plans", plan_events),
         ("core_group", "Core group meetings", core_group_events),
         ("cp_visit", "Child protection visits", visit_events))


def episode_activities(episode):
    for d in episode.strategy_discussions.all():
        yield Activity("Strategy discussion", d.held_on, OTHER)
    for e in episode.enquiries.all():
        yield Activity("Section 47 enquiry started", e.start_date, PLAN)
        if e.completed_on:
            yield Activity("Section 47 enquiry concluded", e.completed_on, PLAN)
    for c in episode.cp_conferences.filter(decision__gt=""):
        yield Activity(c.get_kind_display(), c.conference_date, PLAN)
    for p in episode.cp_plans.all():
        yield Activity("Child protection plan started", p.start_date, PLAN)
        if p.end_date:
            yield Activity("Child protection plan ended", p.end_date, PLAN)
        for g in p.core_groups.all():
            yield Activity("Core group meeting", g.held_on, OTHER)
        for v in p.visits.all():
            yield Activity("Child protection visit", v.visit_date, OTHER)


ACTIVITIES = (("protection", episode_activities),)
