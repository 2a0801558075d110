"""What each role may do with the Ofsted Annex A workbook, as data; merged into the one access
policy (lantern/access/permissions.py), which refuses anything not listed.

The workbook lists, child by child, every contact, referral, assessment, enquiry, child in need
episode and child protection plan of the whole authority in the period, restricted records
included: Ofsted inspects them all. So making it and downloading it need a role whose access
already reaches the whole authority and whose job is the returns: the performance analyst. The
services check the scope again (lantern/returns/annex_a/services.py require_whole_authority), so a
role added here later with narrower access is still refused.

Others are left out on purpose: team and service managers reach only their own teams' children;
QA auditors, child protection chairs and front door screeners reach every child, but one record at
a time, for their own work, with each view audited, and a whole-authority file would bypass that;
inspectors are given the workbook by the authority, as the inspection framework expects, rather
than making it themselves; administrators never read children's records."""

from lantern.accounts.roles import ANALYSTS

ANALYST = ANALYSTS

PERMISSIONS: dict[str, frozenset[str]] = {
    "annex_a.export": ANALYST,
}
