"""The front door's part of the synthetic authority (see lantern/frontdoor/synthetic.py)."""
