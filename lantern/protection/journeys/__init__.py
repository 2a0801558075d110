"""Synthetic child protection journeys for a generated authority (see lantern/protection/synthetic.py)."""
