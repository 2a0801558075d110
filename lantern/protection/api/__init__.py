"""The child protection API at /api/v1, through the same services, policy and audit trail as the pages."""

from . import reads, writes_casework, writes_plans  # noqa: F401  (each adds its endpoints to the router)
from .router import router

__all__ = ["router"]
