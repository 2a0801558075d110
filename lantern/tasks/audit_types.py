"""The kinds of record this part names in the audit trail (lantern/audit_log/types.py)."""

from lantern.audit_log.types import object_type

BACKGROUND_TASK = object_type("background_task", "background task")
