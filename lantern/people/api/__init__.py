"""API for children's records, through the same services, policy and audit trail as the pages."""

from . import children, family  # noqa: F401  (each adds its endpoints to the router)
from .router import router

__all__ = ["router"]
