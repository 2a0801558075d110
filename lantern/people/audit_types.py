"""The kinds of record this part names in the audit trail (lantern/audit_log/types.py)."""

from lantern.audit_log.types import object_type

ADDRESS = object_type("address", "address")
ADDRESSES = object_type("addresses", "address history")
ALLOCATION = object_type("allocation", "allocation")
ALLOCATIONS = object_type("allocations", "allocation history")
INVOLVEMENT = object_type("involvement", "involvement")
INVOLVEMENTS = object_type("involvements", "involved professionals")
PERSON = object_type("person", "child's record")
RELATIONSHIP = object_type("relationship", "relationship")
RELATIONSHIPS = object_type("relationships", "family and household")
