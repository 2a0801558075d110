"""API for the statutory clock: a child's timescales (optionally as they stood on a past day), the
work lists, and the authority's settings, through the same policy and audit trail as the pages."""

from . import settings, worklists  # noqa: F401  (each adds its endpoints to the router)
from .router import router

__all__ = ["router"]
