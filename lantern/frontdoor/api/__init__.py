"""API for contacts, the referral form, decisions and police notifications: the same services,
checks and audit trail as the pages."""

from . import contacts, matching, notifications, referrals, settings  # noqa: F401  (each adds its endpoints)
from .router import router

__all__ = ["router"]
