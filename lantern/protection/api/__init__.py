"""The child protection API at /api/v1, through the same services, policy and audit trail as the pages."""

from . import lists, reads, records, writes_casework, writes_conferences, writes_plans  # noqa: F401  (each adds endpoints)
from .router import router

__all__ = ["router"]
