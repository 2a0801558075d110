"""The kinds of record this part names in the audit trail (lantern/audit_log/types.py)."""

from lantern.audit_log.types import object_type

EPISODE = object_type("episode", "episode")
EPISODES = object_type("episodes", "episodes")
SYNTHETIC_JOURNEYS = object_type("synthetic_journeys", "synthetic casework")
TRANSFER = object_type("transfer", "transfer")
TRANSFERS = object_type("transfers", "transfers")
