"""What each role may do in this part of Lantern, as data; merged into the one access policy
(lantern/access/permissions.py), which refuses anything not listed.

Partner practitioners read only the conferences their agency was invited to and the plans whose
core group they belong to (lantern/protection/selectors.py adds that rule to every read)."""

from lantern.accounts.roles import MANAGERS, PRACTITIONERS, RECORD_READERS
from lantern.accounts.roles import Role as R

READERS = RECORD_READERS
PARTNERS = frozenset({R.PARTNER_PRACTITIONER})

PERMISSIONS: dict[str, frozenset[str]] = {
    "protection.view": READERS | PARTNERS,
    # Strategy discussions and enquiries are social care's casework; partners do not read them here.
    "protection.casework": READERS,
    "strategy.record": PRACTITIONERS | MANAGERS,
    # Visits, the assessment of risk and proposed written agreements; who may visit is also a
    # matter of registration (a registered social worker), checked by the services.
    "enquiry.record": PRACTITIONERS | {R.TEAM_MANAGER},
    "enquiry.allocate": MANAGERS,
    "enquiry.decide": MANAGERS,
    "conference.arrange": PRACTITIONERS | MANAGERS | {R.CP_CHAIR},
    "conference.report": PRACTITIONERS | {R.TEAM_MANAGER},
    "conference.agency_report": PARTNERS | PRACTITIONERS,
    "conference.chair": frozenset({R.CP_CHAIR}),
    "conference.list": frozenset({R.CP_CHAIR, R.QA_AUDITOR, R.PERFORMANCE_ANALYST, R.INSPECTOR}) | MANAGERS,
    "cp_plan.edit": PRACTITIONERS | {R.TEAM_MANAGER},
    "cp_plan.contribute": PARTNERS | PRACTITIONERS,
    "cp_visit.record": PRACTITIONERS,
    "cp_plan.end_early": frozenset({R.SERVICE_MANAGER}),
}
