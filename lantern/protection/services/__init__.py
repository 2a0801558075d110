"""Writes for child protection, one keyword-only function per action; each checks the access policy,
saves in one transaction, writes its audit row, and keeps the stored deadlines in step."""

from .agreements import written_agreement_decide, written_agreement_propose
from .conferences import agency_report_submit, conference_arrange, conference_invite, social_work_report_save
from .decisions import conference_decision_record, conference_minutes_record
from .enquiry import enquiry_conclude, enquiry_lead_allocate, enquiry_risk_record, enquiry_visit_record
from .meetings import core_group_record, cp_visit_record
from .plans import core_group_member_add, plan_action_add, plan_early_end_decide, plan_update_add
from .step_down import cin_plan_after_conference
from .strategy import strategy_discussion_record

__all__ = [
    "agency_report_submit", "cin_plan_after_conference", "conference_arrange", "conference_decision_record",
    "conference_invite", "conference_minutes_record", "core_group_member_add", "core_group_record",
    "cp_visit_record", "enquiry_conclude", "enquiry_lead_allocate", "enquiry_risk_record", "enquiry_visit_record",
    "plan_action_add", "plan_early_end_decide", "plan_update_add", "social_work_report_save",
    "strategy_discussion_record", "written_agreement_decide", "written_agreement_propose",
]
