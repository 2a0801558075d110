"""This part's rows of the permission matrix (tests/test_permission_matrix.py merges them).

PAGES: url name → (path template, roles that get 200[, status for everyone else, default 403]).
ENDPOINTS: (method, path template, roles that succeed).
world(users, ids) may create records and return extra ids for the path templates."""

from datetime import date

from django.utils import timezone

from lantern.accounts.roles import Role as R
from lantern.accounts.roles import TeamKind

READERS = frozenset(R) - {R.ADMINISTRATOR, R.PARTNER_PRACTITIONER}
WRITERS = frozenset({R.SOCIAL_WORKER, R.SENIOR_PRACTITIONER})
MANAGERS = frozenset({R.TEAM_MANAGER, R.SERVICE_MANAGER})
ENDERS = WRITERS | MANAGERS
PROPOSERS = frozenset({R.SOCIAL_WORKER, R.SENIOR_PRACTITIONER, R.TEAM_MANAGER})
EARLY_HELP = frozenset({R.EARLY_HELP_PRACTITIONER})
OVERVIEW = MANAGERS | {R.QA_AUDITOR, R.PERFORMANCE_ANALYST, R.INSPECTOR}

PAGES: dict = {
    "cin:plan_create": ("/children/{child}/assessments/{assessment}/plan/new/", WRITERS),
    "cin:plan_detail": ("/children/{plan_child}/plans/{plan}/", READERS),
    "cin:action_create": ("/children/{plan_child}/plans/{plan}/actions/new/", WRITERS),
    "cin:review_create": ("/children/{plan_child}/plans/{plan}/reviews/new/", WRITERS),
    "cin:plan_end": ("/children/{plan_child}/plans/{plan}/end/", ENDERS),
    "cin:closure_create": ("/children/{child}/episodes/{episode}/closure/new/", PROPOSERS),
    "cin:closure_detail": ("/children/{plan_child}/closures/{closure}/", READERS),
    "cin:closure_decide": ("/children/{plan_child}/closures/{closure}/decision/", MANAGERS),
    "cin:step_down_list": ("/step-downs/", EARLY_HELP),
    "cin:step_down_respond": ("/step-downs/{closure}/", EARLY_HELP),
    "cin:overview": ("/children-in-need/", OVERVIEW),
}
ENDPOINTS: list = [
    ("get", "/api/v1/cin-plans/{plan}", READERS),
    ("get", "/api/v1/cin-plans/{plan}/cin-reviews", READERS),
    ("get", "/api/v1/children/{plan_child}/cin-plans?status=open", READERS),
    ("get", "/api/v1/episodes/{plan_episode}/closures", READERS),
    ("get", "/api/v1/closures/{closure}", READERS),
    ("get", "/api/v1/step-downs", EARLY_HELP),
]


def world(users, ids) -> dict:
    """A second child of the same worker, with an authorised assessment, a running plan and a
    step-down waiting for early help. Made directly (not through the services) because every row of
    the matrix builds this world again; the services' own tests cover how these records are made."""
    from lantern.accounts.models import Team
    from lantern.assessments.models import Assessment
    from lantern.cin.models import CinPlan, Closure, PlanAction
    from lantern.referrals.models import Episode
    from lantern.testing.factories import ChildFactory, TeamFactory

    worker, manager = users[R.SOCIAL_WORKER], users[R.TEAM_MANAGER]
    team = Team.objects.get(pk=ids["team"])
    child = ChildFactory.create(first_name="Kofi", last_name="Marlowe", current_team=team, current_worker=worker)
    e = Episode.objects.create(child=child, referral_date=date(2025, 3, 3), referral_source="2A", primary_need="N1",
                               team=team, worker=worker, created_by=worker)
    assessment = Assessment.objects.create(episode=e, child=child, started_on=date(2025, 3, 3), status="authorised",
                                           outcome="cin_plan", authorised_on=date(2025, 4, 10), authorised_by=manager,
                                           authorisation_rationale="Clear analysis.", created_by=worker)
    plan = CinPlan.objects.create(episode=e, child=child, assessment=assessment, start_date=date(2025, 4, 14),
                                  outcomes="Fewer arguments; mum's mood better.", created_by=worker)
    PlanAction.objects.create(plan=plan, what="Mum attends the Freedom Programme", owner="Women's Aid",
                              due_date=date(2025, 7, 1), success_measure="Mum has a safety plan", created_by=worker)
    early_help = TeamFactory.create(kind=TeamKind.EARLY_HELP, service=team.service)
    closure = Closure.objects.create(episode=e, child=child, kind="step_down", status="awaiting_early_help",
                                     closure_date=timezone.localdate(), reason="RC7", early_help_team=early_help,
                                     family_told_on=timezone.localdate(), proposed_by=worker,
                                     risk_evaluation="Low: the plan's actions are achieved and school sees her daily.")
    return {"plan_child": child.pk, "plan_episode": e.pk, "plan": plan.pk, "closure": closure.pk}
