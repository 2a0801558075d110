"""What each role may do in this part of Lantern, as data; merged into the one access policy
(lantern/access/permissions.py), which refuses anything not listed."""

from lantern.accounts.roles import MANAGERS, RECORD_READERS
from lantern.accounts.roles import Role as R

# Everyone who reads children's records except partner agencies, who see only what is shared.
CASEWORK_READERS = RECORD_READERS

PERMISSIONS: dict[str, frozenset[str]] = {
    "episode.view": CASEWORK_READERS,
    # A referral recorded directly (not through the front door), or by the front door itself.
    "referral.record": frozenset({R.SOCIAL_WORKER, R.SENIOR_PRACTITIONER, R.TEAM_MANAGER, R.SERVICE_MANAGER,
                                  R.FRONT_DOOR_SCREENER}),
    "transfer.propose": frozenset({R.SOCIAL_WORKER, R.SENIOR_PRACTITIONER, R.TEAM_MANAGER}),
    "transfer.decide": MANAGERS,
    "episode.close": MANAGERS,
}
