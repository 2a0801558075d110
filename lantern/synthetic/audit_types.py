"""The kinds of record this part names in the audit trail (lantern/audit_log/types.py)."""

from lantern.audit_log.types import object_type

DEMO_USERS = object_type("demo_users", "demo sign-ins")
SYNTHETIC_AUTHORITY = object_type("synthetic_authority", "synthetic authority")
