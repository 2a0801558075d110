"""This part's rows of the permission matrix (tests/test_permission_matrix.py merges them).

PAGES: url name → (path template, roles that get 200[, status for everyone else, default 403]).
ENDPOINTS: (method, path template, roles that succeed).
world(users, ids) may create records and return extra ids for the path templates.

In the shared world every member of staff is in a care management team, so only the front door
screener and the service manager work the front door (social workers, senior practitioners and team
managers screen only from a front door team; see lantern/frontdoor/permissions.py)."""

from lantern.accounts.roles import Role

R = Role
ALL = frozenset(Role)
FRONT_DOOR = frozenset({R.FRONT_DOOR_SCREENER, R.SERVICE_MANAGER})
PARTNER = frozenset({R.PARTNER_PRACTITIONER})
CONFIGURE = frozenset({R.SERVICE_MANAGER, R.ADMINISTRATOR})
REPORT = frozenset({R.TEAM_MANAGER, R.SERVICE_MANAGER, R.QA_AUDITOR, R.PERFORMANCE_ANALYST, R.INSPECTOR})
# Staff who may open the contact's matched child read the contact (frontdoor/access.py); in the shared
# world every member of staff reaches that child. Partners read only their own referrals.
CONTACT_READERS = ALL - {R.PARTNER_PRACTITIONER, R.ADMINISTRATOR}

PAGES: dict = {
    "frontdoor:queue": ("/front-door/", FRONT_DOOR),
    "frontdoor:contact_create": ("/front-door/contacts/new/", FRONT_DOOR),
    "frontdoor:contact_detail": ("/front-door/contacts/{contact}/", CONTACT_READERS),
    "frontdoor:person_add": ("/front-door/contacts/{contact}/people/new/", FRONT_DOOR),
    "frontdoor:agency_check_add": ("/front-door/contacts/{contact}/agency-checks/new/", FRONT_DOOR),
    "frontdoor:person_match": ("/front-door/contacts/{contact}/people/{mention_adult}/match/", FRONT_DOOR),
    "frontdoor:child_create": ("/front-door/contacts/{contact}/people/{mention_child}/new-child-record/", FRONT_DOOR),
    "frontdoor:adult_create": ("/front-door/contacts/{contact}/people/{mention_adult}/new-family-member/",
                               FRONT_DOOR),
    "frontdoor:decision": ("/front-door/contacts/{contact}/decision/", FRONT_DOOR),
    "frontdoor:authorise": ("/front-door/contacts/{awaiting}/authorise/", frozenset({R.SERVICE_MANAGER})),
    "frontdoor:oversight": ("/front-door/oversight/", frozenset({R.SERVICE_MANAGER})),
    "frontdoor:thresholds": ("/front-door/thresholds/", ALL),
    "frontdoor:settings": ("/front-door/settings/", CONFIGURE),
    "frontdoor:level_create": ("/front-door/settings/levels/new/", CONFIGURE),
    "frontdoor:level_edit": ("/front-door/settings/levels/{level}/", CONFIGURE),
    "frontdoor:notifications": ("/front-door/notifications/", FRONT_DOOR),
    "frontdoor:notification_upload": ("/front-door/notifications/upload/", FRONT_DOOR),
    # An upload's progress is only for the person who started it; to anyone else it does not exist.
    "frontdoor:upload_progress": ("/front-door/notifications/uploads/{upload_task}/",
                                  frozenset({R.FRONT_DOOR_SCREENER}), 404),
    "frontdoor:funnel_report": ("/front-door/notifications/report/", REPORT),
    "frontdoor:notification_detail": ("/front-door/notifications/{notification}/", FRONT_DOOR),
    "frontdoor:referral_start": ("/refer/", PARTNER),
    "frontdoor:referral_list": ("/refer/mine/", PARTNER),
    "frontdoor:referral_view": ("/refer/{sent_referral}/", PARTNER),
    "frontdoor:referral_check": ("/refer/{draft}/check/", PARTNER),
    "frontdoor:referral_saved": ("/refer/{draft}/saved/", PARTNER),
    "frontdoor:referral_confirmation": ("/refer/{sent_referral}/confirmation/", PARTNER),
    "frontdoor:referral_person_remove": ("/refer/{draft}/people/{draft_child}/remove/", PARTNER),
    "frontdoor:referral_people": ("/refer/{draft}/children/", PARTNER),
    "frontdoor:referral_person_new": ("/refer/{draft}/adults/new/", PARTNER),
    "frontdoor:referral_person": ("/refer/{draft}/children/{draft_child}/", PARTNER),
    "frontdoor:referral_step": ("/refer/{draft}/about-you/", PARTNER),
}
ENDPOINTS: list = [
    ("get", "/api/v1/frontdoor/contacts", FRONT_DOOR),
    ("get", "/api/v1/frontdoor/contacts/{contact}", CONTACT_READERS),
    ("get", "/api/v1/frontdoor/referrals", PARTNER),
    ("get", "/api/v1/frontdoor/referrals/{sent_referral}", PARTNER),
    ("get", "/api/v1/frontdoor/notifications", FRONT_DOOR),
    ("get", "/api/v1/frontdoor/notifications?status=new", FRONT_DOOR),
    ("get", "/api/v1/frontdoor/notifications/{notification}", FRONT_DOOR),
    ("get", "/api/v1/frontdoor/settings", CONFIGURE),
    ("get", "/api/v1/frontdoor/notifications/funnel", REPORT),
    ("get", "/api/v1/frontdoor/thresholds", ALL),
]


def world(users, ids) -> dict:
    from lantern.frontdoor.testing import front_door_world

    return front_door_world(users, ids)
