"""The kinds of record this part names in the audit trail (lantern/audit_log/types.py)."""

from lantern.audit_log.types import object_type

CHRONOLOGY = object_type("chronology", "chronology")
CHRONOLOGY_EVENT = object_type("chronology_event", "chronology event's significance")
