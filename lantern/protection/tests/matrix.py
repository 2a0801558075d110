"""This part's rows of the permission matrix (tests/test_permission_matrix.py merges them).

PAGES: url name → (path template, roles that get 200[, status for everyone else, default 403]).
ENDPOINTS: (method, path template, roles that succeed).
world(users, ids) may create records and return extra ids for the path templates."""

from lantern.accounts.roles import Role as R

EVERYONE = frozenset(R) - {R.ADMINISTRATOR}  # partners included: they are in this child's conference and plan
READERS = EVERYONE - {R.PARTNER_PRACTITIONER}
PRACTITIONERS = frozenset({R.SOCIAL_WORKER, R.SENIOR_PRACTITIONER})
MANAGERS = frozenset({R.TEAM_MANAGER, R.SERVICE_MANAGER})
RECORDERS = PRACTITIONERS | {R.TEAM_MANAGER}
ARRANGERS = PRACTITIONERS | MANAGERS | {R.CP_CHAIR}
CHAIR = frozenset({R.CP_CHAIR})
CHILD = "/children/{cp_child}/protection"

PAGES: dict = {
    "protection:strategy_create": ("/children/{cp_child}/episodes/{cp_episode}/strategy/new/",
                                   PRACTITIONERS | MANAGERS),
    "protection:strategy_detail": (CHILD + "/strategy/{cp_strategy}/", READERS),
    "protection:enquiry_detail": (CHILD + "/enquiries/{cp_enquiry}/", READERS),
    "protection:enquiry_lead": (CHILD + "/enquiries/{cp_enquiry}/lead/", MANAGERS),
    "protection:enquiry_visit": (CHILD + "/enquiries/{cp_enquiry}/visits/new/", RECORDERS),
    "protection:enquiry_risk": (CHILD + "/enquiries/{cp_enquiry}/risk/", RECORDERS),
    "protection:enquiry_outcome": (CHILD + "/enquiries/{cp_enquiry}/outcome/", MANAGERS),
    "protection:agreement_create": (CHILD + "/enquiries/{cp_enquiry}/agreements/new/", RECORDERS),
    "protection:agreement_decide": (CHILD + "/agreements/{cp_agreement}/decision/", MANAGERS),
    "protection:conference_arrange": (CHILD + "/enquiries/{cp_enquiry}/conference/new/", ARRANGERS),
    "protection:review_arrange": (CHILD + "/plans/{cp_plan}/reviews/new/", ARRANGERS),
    "protection:conference_detail": (CHILD + "/conferences/{cp_icpc}/", EVERYONE),
    "protection:conference_invite": (CHILD + "/conferences/{cp_review}/invitations/new/", ARRANGERS),
    "protection:conference_report": (CHILD + "/conferences/{cp_review}/report/", RECORDERS),
    "protection:agency_report": (CHILD + "/conferences/{cp_review}/invitations/{cp_partner_invitation}/report/",
                                 PRACTITIONERS | {R.PARTNER_PRACTITIONER}),
    "protection:conference_decision": (CHILD + "/conferences/{cp_review}/decision/", CHAIR),
    "protection:conference_minutes": (CHILD + "/conferences/{cp_icpc}/minutes/", CHAIR),
    "protection:conference_cin_plan": (CHILD + "/conferences/{cp_icpc}/child-in-need-plan/", PRACTITIONERS),
    "protection:plan_detail": (CHILD + "/plans/{cp_plan}/", EVERYONE),
    "protection:plan_action": (CHILD + "/plans/{cp_plan}/actions/new/", RECORDERS),
    "protection:plan_member": (CHILD + "/plans/{cp_plan}/members/new/", RECORDERS),
    "protection:core_group_create": (CHILD + "/plans/{cp_plan}/core-groups/new/", RECORDERS),
    "protection:cp_visit_create": (CHILD + "/plans/{cp_plan}/visits/new/", PRACTITIONERS),
    "protection:plan_update": (CHILD + "/plans/{cp_plan}/updates/new/", PRACTITIONERS | {R.PARTNER_PRACTITIONER}),
    "protection:plan_early_end": (CHILD + "/plans/{cp_plan}/early-end/", frozenset({R.SERVICE_MANAGER})),
    "protection:conference_list": ("/conferences/", CHAIR | MANAGERS | {R.QA_AUDITOR, R.PERFORMANCE_ANALYST,
                                                                        R.INSPECTOR}),
}
ENDPOINTS: list = [
    ("get", "/api/v1/children/{cp_child}/protection", EVERYONE),
    ("get", "/api/v1/strategy-discussions/{cp_strategy}", READERS),
    ("get", "/api/v1/enquiries/{cp_enquiry}", READERS),
    ("get", "/api/v1/conferences/{cp_icpc}", EVERYONE),
    ("get", "/api/v1/cp-plans/{cp_plan}", EVERYONE),
    ("get", "/api/v1/enquiries/{cp_enquiry}/enquiry-visits", READERS),
    ("get", "/api/v1/enquiry-visits/{cp_enquiry_visit}", READERS),
    ("get", "/api/v1/enquiries/{cp_enquiry}/written-agreements?status=proposed", READERS),
    ("get", "/api/v1/written-agreements/{cp_agreement}", READERS),
    ("get", "/api/v1/cp-plans/{cp_plan}/members", EVERYONE),
    ("get", "/api/v1/cp-plans/{cp_plan}/core-groups", EVERYONE),
    ("get", "/api/v1/core-groups/{cp_core_group}", EVERYONE),
    # Child protection visits are social care's casework: partners do not read them (as on the page).
    ("get", "/api/v1/cp-plans/{cp_plan}/cp-visits", READERS),
    ("get", "/api/v1/cp-visits/{cp_visit}", READERS),
    ("get", "/api/v1/cp-plans/{cp_plan}/updates", EVERYONE),
    ("get", "/api/v1/conferences?mine=false", CHAIR | MANAGERS | {R.QA_AUDITOR, R.PERFORMANCE_ANALYST, R.INSPECTOR}),
]


def world(users, ids) -> dict:
    """The test child's whole journey to a plan, the partner's agency invited and in the core group,
    a review arranged, a written agreement waiting for a manager, and a core group and a visit (made
    directly: the services' own tests cover how they are made)."""
    from lantern.people.models import Person

    from ..models import CoreGroup, CpVisit, EnquiryVisit
    from ..services import written_agreement_propose
    from .factories import arranged, plan_for_child, working_days_ago

    worker, manager, chair = users[R.SOCIAL_WORKER], users[R.TEAM_MANAGER], users[R.CP_CHAIR]
    child = Person.objects.get(pk=ids["child"])
    plan = plan_for_child(worker, manager, chair, child)
    icpc = plan.conference
    review = arranged(worker, chair, plan=plan, on=working_days_ago(-5))
    partner = users[R.PARTNER_PRACTITIONER]
    invitation = review.invitations.get(agency=partner.agency)
    agreement = written_agreement_propose(actor=worker, enquiry=icpc.enquiry, terms="Dad will not stay overnight "
                                          "while the enquiry continues.", monitored_by="Health visitor, Ms Okoro",
                                          monitoring="Unannounced visits twice a week", review_on=working_days_ago(-10))
    core_group = CoreGroup.objects.create(plan=plan, child=child, held_on=working_days_ago(2), recorded_by=worker,
                                          summary="Dad engaging; home conditions better this month.")
    core_group.attendees.set(plan.members.all())
    visit = CpVisit.objects.create(plan=plan, child=child, visit_date=working_days_ago(1), visited_by=worker,
                                   child_seen=True, seen_alone=True, bedroom_seen=True, recorded_by=worker,
                                   child_words="'Dad is nicer now.'", observations="Warm, tidy home.")
    return {"cp_child": child.pk, "cp_episode": plan.episode_id, "cp_strategy": icpc.enquiry.strategy_discussion_id,
            "cp_enquiry": icpc.enquiry_id, "cp_icpc": icpc.pk, "cp_review": review.pk, "cp_plan": plan.pk,
            "cp_partner_invitation": invitation.pk, "cp_agreement": agreement.pk,
            "cp_enquiry_visit": EnquiryVisit.objects.filter(enquiry_id=icpc.enquiry_id).values_list(
                "pk", flat=True).first(), "cp_core_group": core_group.pk, "cp_visit": visit.pk}
