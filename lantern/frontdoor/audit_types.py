"""The kinds of record this part names in the audit trail (lantern/audit_log/types.py)."""

from lantern.audit_log.types import object_type

AGENCY_CHECK = object_type("agency_check", "agency check")
CONTACT = object_type("contact", "contact")
CONTACT_DECISION = object_type("contact_decision", "front door decision")
CONTACT_PERSON = object_type("contact_person", "person named on a contact")
FRONTDOOR_SETTINGS = object_type("frontdoor_settings", "front door settings")
NOTIFICATION = object_type("notification", "police domestic abuse notification")
NOTIFICATION_BATCH = object_type("notification_batch", "police notifications upload")
REFERRAL_DRAFT = object_type("referral_draft", "referral form (draft)")
THRESHOLD_LEVEL = object_type("threshold_level", "threshold level")
