"""What each role may do in this part of Lantern, as data; merged into the one access policy
(lantern/access/permissions.py), which refuses anything not listed.

The CIN census covers every child of the authority, so producing it (export, whole-authority
validation) also needs a role whose access reaches the whole authority: in practice the performance
analyst (lantern/returns/cin_census/services/common.py). Service managers, QA auditors and
inspectors read the results; lists of children are cut to the children the reader may see.
Administrators manage access and never read records, so they have no part here. A child's own
findings are shown to whoever may read the child's episodes."""

from lantern.accounts.roles import ANALYSTS, RECORD_READERS
from lantern.accounts.roles import Role as R

ANALYST = ANALYSTS
READERS = ANALYST | {R.SERVICE_MANAGER, R.QA_AUDITOR, R.INSPECTOR}
CHILD_READERS = RECORD_READERS

PERMISSIONS: dict[str, frozenset[str]] = {
    "census.view": READERS,
    "census.validate": ANALYST,
    "census.export": ANALYST,
    "census.import": ANALYST,
    "census.child_issues": CHILD_READERS,
}
