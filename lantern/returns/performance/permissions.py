"""Who may see the live performance dashboard and the children behind its numbers.

Team and service managers, the performance analyst, quality assurance auditors and inspectors: the
people whose job is to know how the service is doing (the inspection found managers did not use
performance data; these are the roles that must). Social workers see their own deadlines on their
work lists instead; administrators never read records; partners see only what is shared with them.

Aggregates are authority-wide. The dashboard shows counts with no identities (how many decisions,
visits or plans; what share were on time), so it is computed over every record of the authority
for every reader. That way a team manager compares like with like against the England figure, and
the page needs no join on the reader's access (which is what keeps it fast at 300,000 children).

Children are cut to scope. Every list of children behind a number starts from
``visible_children(reader)``: a team or service manager sees the children of their own service, the
authority-wide roles see everyone but restricted records they are not named on. The page says how
many of the counted records concern children the reader cannot see, without naming them, and each
list is written to the audit trail."""

from lantern.accounts.roles import Role as R

READERS = frozenset({R.TEAM_MANAGER, R.SERVICE_MANAGER, R.PERFORMANCE_ANALYST, R.QA_AUDITOR, R.INSPECTOR})

PERMISSIONS: dict[str, frozenset[str]] = {
    "performance.view": READERS,
    "performance.children": READERS,
}
