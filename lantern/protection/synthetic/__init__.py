"""Synthetic child protection journeys for a generated authority (the stage is in stage.py)."""

from .stage import synthesise  # noqa: F401  (the stage the generator runs)
