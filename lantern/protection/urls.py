from django.urls import path

from .views import conferences, decisions, enquiry, lists, plans, strategy

app_name = "protection"

CHILD = "children/<int:pk>/protection"
ENQUIRY = f"{CHILD}/enquiries/<int:record_id>"
CONFERENCE = f"{CHILD}/conferences/<int:record_id>"
PLAN = f"{CHILD}/plans/<int:record_id>"

urlpatterns = [
    path("children/<int:pk>/episodes/<int:episode_id>/strategy/new/", strategy.strategy_create,
         name="strategy_create"),
    path(f"{CHILD}/strategy/<int:record_id>/", strategy.strategy_detail, name="strategy_detail"),
    path(f"{ENQUIRY}/", enquiry.enquiry_detail, name="enquiry_detail"),
    path(f"{ENQUIRY}/lead/", enquiry.enquiry_lead, name="enquiry_lead"),
    path(f"{ENQUIRY}/visits/new/", enquiry.enquiry_visit, name="enquiry_visit"),
    path(f"{ENQUIRY}/risk/", enquiry.enquiry_risk, name="enquiry_risk"),
    path(f"{ENQUIRY}/outcome/", enquiry.enquiry_outcome, name="enquiry_outcome"),
    path(f"{ENQUIRY}/agreements/new/", enquiry.agreement_create, name="agreement_create"),
    path(f"{CHILD}/agreements/<int:record_id>/decision/", enquiry.agreement_decide, name="agreement_decide"),
    path(f"{ENQUIRY}/conference/new/", conferences.conference_arrange_page, name="conference_arrange"),
    path(f"{PLAN}/reviews/new/", conferences.review_arrange_page, name="review_arrange"),
    path(f"{CONFERENCE}/", conferences.conference_detail, name="conference_detail"),
    path(f"{CONFERENCE}/invitations/new/", conferences.conference_invite_page, name="conference_invite"),
    path(f"{CONFERENCE}/report/", conferences.conference_report_page, name="conference_report"),
    path(f"{CONFERENCE}/invitations/<int:invitation_id>/report/", conferences.agency_report_page,
         name="agency_report"),
    path(f"{CONFERENCE}/decision/", decisions.conference_decision_page, name="conference_decision"),
    path(f"{CONFERENCE}/minutes/", decisions.conference_minutes_page, name="conference_minutes"),
    path(f"{CONFERENCE}/child-in-need-plan/", decisions.conference_cin_plan_page, name="conference_cin_plan"),
    path(f"{PLAN}/", plans.plan_detail, name="plan_detail"),
    path(f"{PLAN}/actions/new/", plans.plan_action_page, name="plan_action"),
    path(f"{PLAN}/members/new/", plans.plan_member_page, name="plan_member"),
    path(f"{PLAN}/core-groups/new/", plans.core_group_page, name="core_group_create"),
    path(f"{PLAN}/visits/new/", plans.cp_visit_page, name="cp_visit_create"),
    path(f"{PLAN}/updates/new/", plans.plan_update_page, name="plan_update"),
    path(f"{PLAN}/early-end/", plans.plan_early_end_page, name="plan_early_end"),
    path("conferences/", lists.conference_list_page, name="conference_list"),
]
