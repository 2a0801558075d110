"""The roles Lantern knows. Kept as data so the access policy and the pages read one list."""

from django.db import models


class Role(models.TextChoices):
    SOCIAL_WORKER = "social_worker", "Social worker"
    SENIOR_PRACTITIONER = "senior_practitioner", "Senior practitioner"
    TEAM_MANAGER = "team_manager", "Team manager"
    SERVICE_MANAGER = "service_manager", "Service manager"
    CP_CHAIR = "cp_chair", "Child protection chair / independent reviewing officer"
    FRONT_DOOR_SCREENER = "front_door_screener", "Front door screener"
    EARLY_HELP_PRACTITIONER = "early_help_practitioner", "Early help practitioner"
    PARTNER_PRACTITIONER = "partner_practitioner", "Partner agency practitioner"
    QA_AUDITOR = "qa_auditor", "Quality assurance auditor"
    PERFORMANCE_ANALYST = "performance_analyst", "Performance analyst"
    ADMINISTRATOR = "administrator", "Administrator"
    INSPECTOR = "inspector", "Inspector (read only)"


class Qualification(models.TextChoices):
    REGISTERED_SOCIAL_WORKER = "registered_sw", "Registered social worker"
    UNQUALIFIED = "unqualified", "Unqualified"


class Employment(models.TextChoices):
    PERMANENT = "permanent", "Permanent"
    AGENCY = "agency", "Agency (locum)"


class TeamKind(models.TextChoices):
    FRONT_DOOR = "front_door", "Front door"
    REFERRAL_ASSESSMENT = "referral_assessment", "Referral and assessment"
    CARE_MANAGEMENT = "care_management", "Care management"
    CHILDREN_WITH_DISABILITIES = "children_with_disabilities", "Children with disabilities"
    EMERGENCY_DUTY = "emergency_duty", "Out-of-hours emergency duty"
    EARLY_HELP = "early_help", "Early help and family support"
    SAFEGUARDING_UNIT = "safeguarding_unit", "Safeguarding and reviewing unit"
    BUSINESS_SUPPORT = "business_support", "Performance and business support"


class AgencyKind(models.TextChoices):
    POLICE = "police", "Police"
    HEALTH = "health", "Health"
    EDUCATION = "education", "Education"
    HOUSING = "housing", "Housing"
    PROBATION = "probation", "Probation"
    VOLUNTARY = "voluntary", "Voluntary sector"
    OTHER = "other", "Other"


R = Role
# The groups of roles the permission tables are written in, defined once here. A part's
# permissions.py combines these (and single roles) rather than naming its own copies.
EVERYONE = frozenset(Role)
STAFF = EVERYONE - {R.PARTNER_PRACTITIONER}
# Staff who read children's records (administrators manage access, never records).
RECORD_READERS = STAFF - {R.ADMINISTRATOR}
PRACTITIONERS = frozenset({R.SOCIAL_WORKER, R.SENIOR_PRACTITIONER})
MANAGERS = frozenset({R.TEAM_MANAGER, R.SERVICE_MANAGER})
# Social work staff who hold cases: practitioners and their managers.
CASE_STAFF = PRACTITIONERS | MANAGERS
# Everyone who may change a child's record: case staff, the front door and early help.
CASE_WORKERS = CASE_STAFF | {R.FRONT_DOOR_SCREENER, R.EARLY_HELP_PRACTITIONER}
ANALYSTS = frozenset({R.PERFORMANCE_ANALYST})
