"""Planning the child in need plan that follows an assessment: whether it happens at all (most
did not, in the inspected authority), its actions, reviews and visits, each late or not by
profile, with a late reason wherever the services would have asked for one."""

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from lantern.cin.models import ActionProgress, CinPlan, PlanAction, PlanReview
from lantern.visits.models import Visit

from . import text

PROGRESS = ("on_track", "on_track", "achieved", "achieved", "off_track", "not_started")


def plan_casework(planner, episode, assessment, end: date, closed: bool) -> CinPlan | None:
    rng, p, due = planner.rng, planner.p, planner.due
    if rng.random() >= p.plan_share:
        return None
    start = due.add_wd(assessment.authorised_on, rng.randint(*p.plan_wd))
    if start > end or start > planner.today:
        return None
    late = start > due("cin_plan", assessment.authorised_on)
    plan = CinPlan(episode=episode, child_id=episode.child_id, assessment=assessment, start_date=start,
                   end_date=end if closed else None,
                   created_by_id=episode.worker_id or planner.manager(episode.team_id),
                   outcomes="Calmer home, school every day, mum's health better.",
                   late_reason="No worker allocated for several weeks." if late else "")
    if plan.end_date:
        plan.end_reason = "The episode closed."
    planner.rows.plans.append(plan)
    actions = [PlanAction(plan=plan, what=what, owner=owner, success_measure=measure, created_by_id=plan.created_by_id,
                          due_date=start + relativedelta(months=rng.randint(2, 5)))
               for what, owner, measure in rng.sample(text.ACTIONS, rng.randint(2, 3))]
    planner.rows.actions.extend(actions)
    _reviews(planner, plan, actions, end)
    _visits(planner, plan, end)
    return plan


def _reviews(planner, plan: CinPlan, actions, end: date) -> None:
    rng, p, due = planner.rng, planner.p, planner.due
    last, n = plan.start_date, 1
    while True:
        gap = rng.uniform(*p.review_months)
        on = last + relativedelta(months=int(gap)) + timedelta(days=int((gap % 1) * 30))
        if on > end or on > planner.today:
            return
        review = PlanReview(plan=plan, child_id=plan.child_id, review_date=on, recorded_by_id=plan.created_by_id,
                            child_views=rng.choice(text.VIEWS), progress_summary="Steady progress on most actions.",
                            late_reason="Chair not available." if on > due("cin_review", last, n) else "")
        planner.rows.reviews.append(review)
        planner.rows.progress.extend(ActionProgress(review=review, action=a, status=rng.choice(PROGRESS),
                                                    note="See the review notes.") for a in actions)
        last, n = on, n + 1


def _visits(planner, plan: CinPlan, end: date) -> None:
    rng, p, due = planner.rng, planner.p, planner.due
    dob = planner.inputs.children[plan.child_id][0]
    last = last_seen = plan.start_date
    n = 1
    while True:
        on = due.add_wd(last, rng.randint(*p.visit_wd))
        if on > end or on > planner.today:
            return
        seen = dob is not None and rng.random() >= p.not_seen
        alone = seen and (on - dob).days > 4 * 365 and rng.random() < p.seen_alone
        visit = Visit(child_id=plan.child_id, episode=plan.episode, kind="cin", visit_date=on, child_seen=seen,
                      seen_alone=alone if seen else None, recorded_by_id=plan.created_by_id,
                      not_seen_reason="" if seen else ("Unborn." if dob is None else "No one answered the door."),
                      not_seen_alone_reason="" if alone or not seen else rng.choice(text.NOT_ALONE),
                      child_words=rng.choice(text.VIEWS) if seen and rng.random() < p.child_words else "",
                      observations="Home warm and tidy; children fed.")
        if seen:  # only a visit at which the child was seen meets the clock
            visit.late_reason = "Worker off sick; no cover." if on > due("cin_visit", last_seen, n) else ""
            last_seen, n = on, n + 1
        last = on
        planner.rows.visits.append(visit)
