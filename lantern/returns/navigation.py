"""This part's entries in the service navigation (lantern/web/navigation.py merges them)."""

NAV: tuple = ()
