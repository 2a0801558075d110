"""What each role may do in this part of Lantern, as data; merged into the one access policy
(lantern/access/permissions.py), which refuses anything not listed."""

from lantern.accounts.roles import CASE_STAFF, RECORD_READERS

READERS = RECORD_READERS

PERMISSIONS: dict[str, frozenset[str]] = {
    "chronology.view": READERS,
    # Printing copies the record onto paper: it is audited as an export.
    "chronology.print": READERS,
    "chronology.mark": CASE_STAFF,
}
