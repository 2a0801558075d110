"""The kinds of record this part names in the audit trail (lantern/audit_log/types.py)."""

from lantern.audit_log.types import object_type

VISIT = object_type("visit", "child in need visit")
VISITS = object_type("visits", "child in need visits")
