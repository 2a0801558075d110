"""The parts of the child's journey, each a Django app with the same shape. Shared tables (the
permission table, the navigation, the API, the permission-matrix test) gather their pieces from
this list, so adding to one part never means editing another's files."""

FEATURE_APPS = ("frontdoor", "referrals", "assessments", "cin", "visits", "protection", "chronology", "returns")
