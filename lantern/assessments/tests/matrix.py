"""This part's rows of the permission matrix (tests/test_permission_matrix.py merges them).

PAGES: url name → (path template, roles that get 200[, status for everyone else, default 403]).
ENDPOINTS: (method, path template, roles that succeed).
world(users, ids) may create records and return extra ids for the path templates."""

from lantern.accounts.roles import Role as R

READERS = frozenset(R) - {R.ADMINISTRATOR, R.PARTNER_PRACTITIONER}
WRITERS = frozenset({R.SOCIAL_WORKER, R.SENIOR_PRACTITIONER})
MANAGERS = frozenset({R.TEAM_MANAGER, R.SERVICE_MANAGER})

PAGES: dict = {
    "assessments:assessment_start": ("/children/{child}/episodes/{episode}/assessments/new/", WRITERS),
    "assessments:assessment_detail": ("/children/{child}/assessments/{assessment}/", READERS),
    "assessments:assessment_section": ("/children/{child}/assessments/{assessment}/family/", WRITERS),
    "assessments:assessment_submit": ("/children/{child}/assessments/{assessment}/submit/", WRITERS),
    "assessments:assessment_authorise": ("/children/{child}/assessments/{assessment}/authorise/", MANAGERS),
}
ENDPOINTS: list = [
    ("get", "/api/v1/assessments/{assessment}", READERS),
    ("get", "/api/v1/episodes/{episode}/assessments", READERS),
]


def world(users, ids) -> dict:
    from lantern.assessments.services import assessment_start
    from lantern.referrals.models import Episode

    episode = Episode.objects.get(pk=ids["episode"])
    assessment = episode.assessments.first() or assessment_start(actor=users[R.SOCIAL_WORKER], episode=episode,
                                                                 started_on=episode.referral_date)
    return {"assessment": assessment.pk}
