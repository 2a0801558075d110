"""Writes for the front door. Other apps call these, never the models directly."""

from .contacts import (
                       agency_check_record,
                       contact_adult_create,
                       contact_child_create,
                       contact_person_add,
                       contact_person_link,
                       contact_record,
                       screening_notes_save,
)
from .decisions import decision_authorise, decision_record, decision_return
from .handover import strategy_arranged
from .notifications import marac_record, notification_triage, notifications_receive, notifications_upload_start
from .referral_form import (
                       referral_draft_save,
                       referral_draft_start,
                       referral_person_remove,
                       referral_person_save,
                       referral_send,
                       referral_submit,
)
from .settings import authorisation_settings_save, threshold_level_save

__all__ = [
    "agency_check_record", "authorisation_settings_save", "contact_adult_create", "contact_child_create",
    "contact_person_add", "contact_person_link", "contact_record", "decision_authorise", "decision_record",
    "decision_return", "marac_record", "notification_triage", "notifications_receive", "notifications_upload_start",
    "referral_draft_save", "referral_draft_start", "referral_person_remove", "referral_person_save", "referral_send",
    "referral_submit", "screening_notes_save", "strategy_arranged", "threshold_level_save",
]
