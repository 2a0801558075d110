"""The kinds of record this part names in the audit trail (lantern/audit_log/types.py)."""

from lantern.audit_log.types import object_type

ASSESSMENT = object_type("assessment", "assessment")
ASSESSMENTS = object_type("assessments", "assessments")
