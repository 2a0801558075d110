"""What each role may do in this part of Lantern, as data; merged into the one access policy
(lantern/access/permissions.py), which refuses anything not listed.

The compendium is for the multi-agency safeguarding partnership board: the local authority, the
police and health (the three statutory safeguarding partners), with education and others. So it is
shown to the people who sit on or report to that board: team and service managers, child protection
chairs, quality assurance auditors, performance analysts, inspectors, and partner practitioners
(police, health and education members of the board).

Its figures are authority-wide, and that is deliberate: the board must see the whole partnership,
not the part of it one person's caseload reaches. It can be shown to people whose access to records
is narrower (a partner practitioner sees only the children they are involved with) because every
figure is an aggregate of meetings and contacts by agency and month: no child is named, listed or
counted on their own, and no figure is broken down by anything about a child (age, ethnicity,
address, category of abuse). Restricted records are counted like every other record for the same
reason. Small numbers are not suppressed: a count of meetings one agency missed in a month says
nothing about which child the meeting was for, and the board needs the true figure.

Making a PDF stores a board paper for everyone above to download; it is offered to the roles that
prepare board papers (performance analysts, service managers, QA auditors, CP chairs). Inspectors
and partners read and download but do not add papers. Every page view, API read, PDF made and PDF
downloaded is in the audit trail. Administrators manage access and never read records or figures."""

from lantern.accounts.roles import Role as R

AUTHORS = frozenset({R.PERFORMANCE_ANALYST, R.SERVICE_MANAGER, R.QA_AUDITOR, R.CP_CHAIR})
BOARD = AUTHORS | {R.TEAM_MANAGER, R.INSPECTOR, R.PARTNER_PRACTITIONER}

PERMISSIONS: dict[str, frozenset[str]] = {
    "partnership.view": BOARD,
    "partnership.export": AUTHORS,
}
