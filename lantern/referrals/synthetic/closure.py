"""How a synthetic episode closed: the RC code that fits its history (RC8/RC9 only after an
assessment with no plan), the closure record with its evaluation of risk and the manager's
decision, and early help's acceptance of a step-down."""

from datetime import date, timedelta

from lantern.cin.models import Closure

from . import text

S = Closure.Status


def _reason(rng, outcome: str, plan) -> tuple[str, bool]:
    """(reason, stepped down)."""
    if plan is None and outcome == "nfa":
        return "RC8", False
    if plan is None and outcome == "early_help":
        return "RC9", True
    if rng.random() < 0.03:
        return rng.choice(("RC5", "RC6")), False
    return "RC7", plan is not None and rng.random() < 0.25


def close_episode(planner, episode, chain, closure: date, outcome: str, plan) -> None:
    rng, p = planner.rng, planner.p
    reason, stepped_down = _reason(rng, outcome, plan)
    episode.closure_date, episode.closure_reason, episode.stepped_down = closure, reason, stepped_down
    last = chain[-1]
    manager = planner.manager(last.team)
    thin = rng.random() >= p.analytic
    row = Closure(episode=episode, child_id=episode.child_id, kind="step_down" if stepped_down else "close",
                  status=S.APPROVED, closure_date=closure, reason=reason, proposed_by_id=last.worker or manager,
                  risk_evaluation=rng.choice(text.CLOSE_RISK_THIN if thin else text.CLOSE_RISK),
                  decided_by_id=manager, decided_on=closure,
                  rationale="Agreed: the risk evaluation supports closure." if not thin else "Agreed to close.")
    if stepped_down and planner.inputs.early_help:
        team, practitioners = rng.choice(planner.inputs.early_help)
        answered = max(closure - timedelta(days=rng.randint(0, 3)), episode.referral_date)
        row.early_help_team_id, row.early_help_accepted = team, True
        row.early_help_by_id, row.early_help_on = rng.choice(practitioners), answered
        row.family_told_on = max(answered - timedelta(days=rng.randint(0, 4)), episode.referral_date)
    elif stepped_down:  # no early help team in this authority: record a plain closure
        row.kind, episode.stepped_down = "close", False
    planner.rows.closures.append(row)
