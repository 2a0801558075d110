"""API for child in need plans, reviews and closures, through the same services, policy and audit
trail as the pages."""

from . import closures, plans  # noqa: F401  (each adds its endpoints to the router)
from .router import router

__all__ = ["router"]
