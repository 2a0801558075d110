"""The deadlines child protection records start, as registered obligation sources:

- a strategy discussion: its record completed within the local deadline;
- an enquiry: the initial conference within 15 working days of the strategy discussion that started
  it (met when that conference is held; withdrawn when the enquiry ends another way);
- a conference: the report shared with the parents before it, the decision recorded and the minutes
  circulated after it (withdrawn if it is cancelled);
- a plan: core groups, review conferences and visits, each recurring from the last one held, until
  the plan ends; and, for a plan made before the child was born, a review soon after the birth."""

from collections.abc import Iterable

from lantern.obligations.registry import ObligationSpec, register_source

from .codes import ConferenceKind, EnquiryOutcome
from .links import conference_link, enquiry_link, plan_link, strategy_link
from .models import Conference, CpPlan, Section47Enquiry, StrategyDiscussion

STRATEGY_SOURCE = "protection.strategy_discussion"
ENQUIRY_SOURCE = "protection.enquiry"
CONFERENCE_SOURCE = "protection.conference"
PLAN_SOURCE = "protection.plan"
CONFERENCE_RULES = (("conference_report_to_parents", "report_shared_on", "report_late_reason"),
                    ("conference_decision_recorded", "decision_recorded_on", "decision_late_reason"),
                    ("conference_minutes_circulated", "minutes_circulated_on", "minutes_late_reason"))


def strategy_obligations(discussions: Iterable[StrategyDiscussion]) -> Iterable[ObligationSpec]:
    for d in discussions:
        yield ObligationSpec(source_id=d.pk, rule_id="strategy_discussion_record", child_id=d.child_id,
                             start_date=d.held_on, met_on=d.completed_on, late_reason=d.late_reason,
                             link=strategy_link(d))


def held_initial_conference(enquiry: Section47Enquiry) -> Conference | None:
    held = [c for c in enquiry.conferences.all() if c.kind == ConferenceKind.INITIAL and c.decision]
    return min(held, key=lambda c: (c.conference_date, c.pk), default=None)


def enquiry_obligations(enquiries: Iterable[Section47Enquiry]) -> Iterable[ObligationSpec]:
    for e in enquiries:
        held = held_initial_conference(e)
        withdrawn = None
        if held is None and e.completed_on and e.outcome != EnquiryOutcome.CONFERENCE:
            withdrawn = e.completed_on
        elif held is None and e.episode.closure_date:
            withdrawn = e.episode.closure_date
        yield ObligationSpec(source_id=e.pk, rule_id="initial_cp_conference", child_id=e.child_id,
                             start_date=e.start_date, met_on=held.conference_date if held else None,
                             late_reason=held.late_reason if held else "", withdrawn_on=withdrawn,
                             link=enquiry_link(e))


def conference_obligations(conferences: Iterable[Conference]) -> Iterable[ObligationSpec]:
    for c in conferences:
        for rule_id, met_field, reason_field in CONFERENCE_RULES:
            met_on = getattr(c, met_field)
            yield ObligationSpec(source_id=c.pk, rule_id=rule_id, child_id=c.child_id, start_date=c.conference_date,
                                 met_on=met_on, late_reason=getattr(c, reason_field),
                                 withdrawn_on=c.cancelled_on if met_on is None else None, link=conference_link(c))


def recurring(plan: CpPlan, rule_id: str, held: list[tuple]) -> Iterable[ObligationSpec]:
    """One spec per occasion held (date, late reason), oldest first, then the next one due unless
    the plan ended with the last."""
    start = plan.start_date
    for n, (met_on, late_reason) in enumerate(held, start=1):
        yield ObligationSpec(source_id=plan.pk, rule_id=rule_id, child_id=plan.child_id, start_date=start,
                             occurrence=n, met_on=met_on, late_reason=late_reason, link=plan_link(plan),
                             series_start=plan.start_date)
        start = met_on
    if plan.end_date is None or start < plan.end_date:
        yield ObligationSpec(source_id=plan.pk, rule_id=rule_id, child_id=plan.child_id, start_date=start,
                             occurrence=len(held) + 1, withdrawn_on=plan.end_date, link=plan_link(plan),
                             series_start=plan.start_date)


def held_reviews(plan: CpPlan) -> list[Conference]:
    return sorted((c for c in plan.review_conferences.all() if c.decision), key=lambda c: (c.conference_date, c.pk))


def counted_visits(plan: CpPlan) -> list:
    """Visits at which the child was seen count; a visit where the child was not seen does not."""
    return sorted((v for v in plan.visits.all() if v.child_seen), key=lambda v: (v.visit_date, v.pk))


def plan_obligations(plans: Iterable[CpPlan]) -> Iterable[ObligationSpec]:
    for plan in plans:
        groups = sorted(plan.core_groups.all(), key=lambda g: (g.held_on, g.pk))
        yield from recurring(plan, "core_group", [(g.held_on, g.late_reason) for g in groups])
        yield from recurring(plan, "review_cp_conference",
                             [(c.conference_date, c.late_reason) for c in held_reviews(plan)])
        yield from recurring(plan, "cp_visit", [(v.visit_date, v.late_reason) for v in counted_visits(plan)])
        yield from pre_birth_review(plan)


def pre_birth_review(plan: CpPlan) -> Iterable[ObligationSpec]:
    """A plan made before the child was born needs a review soon after the birth, as well as the
    first review three months on: whichever falls first is the one to watch. Nothing is due until
    the birth is recorded; a plan that ended before the birth needs none."""
    born = plan.child.date_of_birth
    if born is None or plan.start_date >= born or (plan.end_date is not None and plan.end_date <= born):
        return
    after = next((c for c in held_reviews(plan) if c.conference_date >= born), None)
    if after is None:
        yield ObligationSpec(source_id=plan.pk, rule_id="pre_birth_review", child_id=plan.child_id, start_date=born,
                             withdrawn_on=plan.end_date, link=plan_link(plan))
    else:
        yield ObligationSpec(source_id=plan.pk, rule_id="pre_birth_review", child_id=plan.child_id, start_date=born,
                             met_on=after.conference_date, late_reason=after.late_reason, link=plan_link(plan))


register_source(STRATEGY_SOURCE, model=StrategyDiscussion, build=strategy_obligations)
register_source(ENQUIRY_SOURCE, model=Section47Enquiry, build=enquiry_obligations,
                select=lambda qs: qs.select_related("episode").prefetch_related("conferences"))
register_source(CONFERENCE_SOURCE, model=Conference, build=conference_obligations)
register_source(PLAN_SOURCE, model=CpPlan, build=plan_obligations, follows_child="child",
                select=lambda qs: qs.select_related("child").prefetch_related("core_groups", "review_conferences",
                                                                              "visits"))
