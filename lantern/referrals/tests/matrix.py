"""This part's rows of the permission matrix (tests/test_permission_matrix.py merges them).

PAGES: url name → (path template, roles that get 200[, status for everyone else, default 403]).
ENDPOINTS: (method, path template, roles that succeed).
world(users, ids) may create records and return extra ids for the path templates."""

from datetime import date

from django.utils import timezone

from lantern.accounts.roles import Role as R

# Written out by hand: the specification the policy must meet.
READERS = frozenset(R) - {R.ADMINISTRATOR, R.PARTNER_PRACTITIONER}
RECORDERS = frozenset({R.SOCIAL_WORKER, R.SENIOR_PRACTITIONER, R.TEAM_MANAGER, R.SERVICE_MANAGER,
                       R.FRONT_DOOR_SCREENER})
PROPOSERS = frozenset({R.SOCIAL_WORKER, R.SENIOR_PRACTITIONER, R.TEAM_MANAGER})
MANAGERS = frozenset({R.TEAM_MANAGER, R.SERVICE_MANAGER})

PAGES: dict = {
    "referrals:referral_create": ("/children/{child}/referrals/new/", RECORDERS),
    "referrals:episode_detail": ("/children/{child}/episodes/{episode}/", READERS),
    "referrals:transfer_create": ("/children/{child}/episodes/{episode}/transfer/", PROPOSERS),
    "referrals:transfer_decide": ("/children/{child}/transfers/{transfer}/", MANAGERS),
}
ENDPOINTS: list = [
    ("get", "/api/v1/children/{child}/episodes", READERS),
    ("get", "/api/v1/episodes/{episode}", READERS),
    ("get", "/api/v1/episodes/{episode}/transfers", READERS),
    ("get", "/api/v1/transfers/{transfer}", READERS),
    ("get", "/api/v1/children/{child}/episodes?status=open&from=2025-01-01", READERS),
]


def world(users, ids) -> dict:
    from lantern.people.models import Person
    from lantern.referrals.models import Episode
    from lantern.referrals.services import episode_open, transfer_propose

    worker = users[R.SOCIAL_WORKER]
    child = Person.objects.get(pk=ids["child"])
    episode = (Episode.objects.filter(child=child, closure_date__isnull=True, referral_nfa=False).first()
               or episode_open(actor=worker, child=child, referral_date=date(2025, 3, 3), referral_source="2A",
                               primary_need="N1"))
    transfer = transfer_propose(actor=worker, episode=episode, to_team=worker.team,
                                to_worker=users[R.SENIOR_PRACTITIONER], transfer_date=timezone.localdate(),
                                summary="Going on leave; the senior practitioner knows the family.",
                                risk_evaluation="Low risk: school and health visitor see the child every week.")
    return {"episode": episode.pk, "transfer": transfer.pk}
