"""What each role may do in this part of Lantern, as data; merged into the one access policy
(lantern/access/permissions.py), which refuses anything not listed."""

from lantern.accounts.roles import Role as R

READERS = frozenset(R) - {R.ADMINISTRATOR, R.PARTNER_PRACTITIONER}

PERMISSIONS: dict[str, frozenset[str]] = {
    "chronology.view": READERS,
    # Printing copies the record onto paper: it is audited as an export.
    "chronology.print": READERS,
    "chronology.mark": frozenset({R.SOCIAL_WORKER, R.SENIOR_PRACTITIONER, R.TEAM_MANAGER, R.SERVICE_MANAGER}),
}
