"""The kinds of record this part names in the audit trail (lantern/audit_log/types.py)."""

from lantern.audit_log.types import object_type

AUDIT_TRAIL = object_type("audit_trail", "record's access log")
BREAK_GLASS = object_type("break_glass", "break-glass access")
PERMISSION = object_type("permission", "role permission")
RESTRICTION = object_type("restriction", "record's restriction")
