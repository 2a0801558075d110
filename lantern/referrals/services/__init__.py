"""Writes for the child in need episode: opening it from a referral, transferring the work, and
closing it. Other apps call these, never the models directly."""

from .episodes import episode_close, episode_open
from .transfers import transfer_decide, transfer_propose

__all__ = ["episode_close", "episode_open", "transfer_decide", "transfer_propose"]
