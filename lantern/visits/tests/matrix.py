"""This part's rows of the permission matrix (tests/test_permission_matrix.py merges them).

PAGES: url name → (path template, roles that get 200[, status for everyone else, default 403]).
ENDPOINTS: (method, path template, roles that succeed).
world(users, ids) may create records and return extra ids for the path templates."""

from datetime import date

from lantern.accounts.roles import Role as R

READERS = frozenset(R) - {R.ADMINISTRATOR, R.PARTNER_PRACTITIONER}
WRITERS = frozenset({R.SOCIAL_WORKER, R.SENIOR_PRACTITIONER})

PAGES: dict = {
    "visits:visit_create": ("/children/{child}/episodes/{episode}/visits/new/", WRITERS),
    "visits:visit_detail": ("/children/{plan_child}/visits/{visit}/", READERS),
}
ENDPOINTS: list = [
    ("get", "/api/v1/children/{plan_child}/visits", READERS),
    ("get", "/api/v1/visits/{visit}", READERS),
]


def world(users, ids) -> dict:
    from lantern.visits.models import Visit

    # Made directly: every row of the matrix builds this world again (the service has its own tests).
    visit = Visit.objects.create(child_id=ids["plan_child"], episode_id=ids["plan_episode"], kind="cin",
                                 visit_date=date(2025, 5, 2), child_seen=True, seen_alone=True,
                                 child_words="'My room is messy but I like it.'", observations="Warm home; mum calmer.",
                                 recorded_by=users[R.SOCIAL_WORKER])
    return {"visit": visit.pk}
