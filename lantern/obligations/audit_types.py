"""The kinds of record this part names in the audit trail (lantern/audit_log/types.py)."""

from lantern.audit_log.types import object_type

CLOSURE_DAY = object_type("closure_day", "closure day")
LOCAL_POLICY = object_type("local_policy", "local timescale")
OBLIGATIONS = object_type("obligations", "work list")
TIMESCALES = object_type("timescales", "record's deadlines")
