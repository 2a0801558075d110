"""The kinds of record this part names in the audit trail (lantern/audit_log/types.py)."""

from lantern.audit_log.types import object_type

API_TOKEN = object_type("api_token", "API token")
