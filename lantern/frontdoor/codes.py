"""Code lists of the front door, as data: where a contact came from, what was decided, and the
police domestic abuse notification's risk levels."""

from django.db import models


class Channel(models.TextChoices):
    SCREENER = "screener", "Recorded by the front door"
    ONLINE_FORM = "online_form", "Online multi-agency referral form"
    POLICE_NOTIFICATION = "police_notification", "Police domestic abuse notification"
    API = "api", "Sent through the API"


class ContactStatus(models.TextChoices):
    DRAFT = "draft", "Draft (not sent)"
    RECEIVED = "received", "Waiting for a decision"
    AWAITING_AUTHORISATION = "awaiting_authorisation", "Waiting for a manager to authorise"
    DECIDED = "decided", "Decided"


class Outcome(models.TextChoices):
    """The front door's decisions (SSD ssd_contacts.cont_contact_outcome_json in brackets)."""

    NFA = "nfa", "No further action"  # NFA
    ADVICE = "advice", "Advice and information given"  # ADVICE
    EARLY_HELP = "early_help", "Early help"
    REFERRAL = "referral", "Referral to children's social care for assessment"  # NEW_REFERRAL
    STRATEGY = "strategy", "Strategy discussion for immediate risk"  # CP_ENQUIRY
    EXISTING = "existing", "Passed to the team already working with the child"  # EXISTING_REFERRAL
    TRANSFER = "transfer", "Transfer to another local authority"  # OLA


# Outcomes that start or continue children's social care work through an episode.
EPISODE_OUTCOMES = frozenset({Outcome.REFERRAL, Outcome.STRATEGY, Outcome.EXISTING})
# What the referrer is told (partners see these words, not the screener's rationale).
REFERRER_WORDING = {
    Outcome.NFA: "No further action by children's services",
    Outcome.ADVICE: "Advice and information given",
    Outcome.EARLY_HELP: "Passed to early help",
    Outcome.REFERRAL: "Accepted by children's social care for an assessment",
    Outcome.STRATEGY: "Accepted by children's social care: child protection enquiries",
    Outcome.EXISTING: "Passed to the social worker already working with the family",
    Outcome.TRANSFER: "Passed to another local authority",
}


class DecisionStatus(models.TextChoices):
    PROPOSED = "proposed", "Waiting for a manager to authorise"
    FINAL = "final", "Decided"
    RETURNED = "returned", "Returned by the manager"


class PersonRole(models.TextChoices):
    CHILD = "child", "Child"
    ADULT = "adult", "Adult in the household"


class NotDiscussedReason(models.TextChoices):
    RISK = "risk", "Telling them could put a child at risk of significant harm"
    UNREACHABLE = "unreachable", "I could not reach them"
    REFUSED_TO_SHARE = "agency_declined", "My agency decided not to tell them"
    OTHER = "other", "Another reason"


class RiskLevel(models.TextChoices):
    """The DASH (domestic abuse, stalking and harassment) checklist's risk levels."""

    STANDARD = "standard", "Standard"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"


class ChildrenInHousehold(models.TextChoices):
    YES = "Y", "Yes"
    NO = "N", "No"
    UNKNOWN = "U", "Not known"


class NotificationStatus(models.TextChoices):
    NEW = "new", "Waiting for triage"
    CLOSED_NO_CHILDREN = "no_children", "Closed: no children in the household"
    INFORMATION_SHARED = "information_shared", "Triaged: information shared with school and health"
    CONTACT_RAISED = "contact_raised", "Triaged: passed to screening as a contact"


class MaracOutcome(models.TextChoices):
    PENDING = "pending", "Waiting for the conference"
    ACTION_PLAN = "action_plan", "Heard: multi-agency action plan agreed"
    NO_ACTION = "no_action", "Heard: no further action"
    NOT_HEARD = "not_heard", "Not heard"
