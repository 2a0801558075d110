from .contacts import REFERENCE_PREFIX, AgencyCheck, Contact, ContactDecision, ContactPerson
from .notifications import DomesticAbuseNotification, NotificationBatch
from .thresholds import DEFAULT_AUTHORISATION, FrontDoorSettings, ThresholdLevel

__all__ = [
    "DEFAULT_AUTHORISATION", "REFERENCE_PREFIX", "AgencyCheck", "Contact", "ContactDecision", "ContactPerson",
    "DomesticAbuseNotification", "FrontDoorSettings", "NotificationBatch", "ThresholdLevel",
]
