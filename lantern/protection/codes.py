"""Code lists of child protection, as data: who takes part in meetings, what strategy discussions,
enquiries and conferences decide, and the categories of abuse (CIN census rules 8905/8910)."""

from django.db import models

from lantern.accounts.roles import AgencyKind


class MeetingAgency(models.TextChoices):
    """The agencies at a strategy discussion, conference or core group: children's social care plus
    every kind of partner agency (``accounts.roles.AgencyKind``; a test keeps the two in step)."""

    CSC = "csc", "Children's social care"
    POLICE = AgencyKind.POLICE.value, "Police"
    HEALTH = AgencyKind.HEALTH.value, "Health"
    EDUCATION = AgencyKind.EDUCATION.value, "Education"
    HOUSING = AgencyKind.HOUSING.value, "Housing"
    PROBATION = AgencyKind.PROBATION.value, "Probation"
    VOLUNTARY = AgencyKind.VOLUNTARY.value, "Voluntary sector"
    OTHER = AgencyKind.OTHER.value, "Other"


# Working Together: police and health take part in every strategy discussion, and so does the
# referring agency; Lantern asks why when any of them is missing.
EXPECTED_AT_STRATEGY = (MeetingAgency.POLICE, MeetingAgency.HEALTH)


class DiscussionKind(models.TextChoices):
    MEETING = "meeting", "Meeting"
    CALL = "call", "Telephone or video call"


class StrategyDecision(models.TextChoices):
    S47_SINGLE = "s47_single", "Section 47 enquiry by children's social care (single-agency)"
    S47_JOINT = "s47_joint", "Section 47 enquiry jointly with the police"
    NO_ENQUIRY = "no_enquiry", "No section 47 enquiry: continue the assessment or child in need work"
    OTHER = "other", "Other action"


STARTS_ENQUIRY = frozenset({StrategyDecision.S47_SINGLE, StrategyDecision.S47_JOINT})


class EnquiryOutcome(models.TextChoices):
    """SSD ssd_s47_enquiry outcome flags in brackets."""

    NFA = "nfa", "No further action"  # NFA
    CIN_PLAN = "cin_plan", "Child in need plan"  # PROV_OF_SERVICES
    CONFERENCE = "conference", "Initial child protection conference"  # CP_CONFERENCE
    LEGAL = "legal", "Legal action"  # LEGAL_ACTION


class AgreementStatus(models.TextChoices):
    PROPOSED = "proposed", "Waiting for a manager"
    AGREED = "agreed", "Agreed by a manager"
    DECLINED = "declined", "Declined by a manager"


class ConferenceKind(models.TextChoices):
    INITIAL = "initial", "Initial child protection conference"
    REVIEW = "review", "Review child protection conference"


class ConferenceDecision(models.TextChoices):
    PLAN = "plan", "The child needs a child protection plan"
    NO_PLAN = "no_plan", "No child protection plan"
    CONTINUE = "continue", "The child protection plan continues"
    END = "end", "The child protection plan ends"


INITIAL_DECISIONS = (ConferenceDecision.PLAN, ConferenceDecision.NO_PLAN)
REVIEW_DECISIONS = (ConferenceDecision.CONTINUE, ConferenceDecision.END)


class AfterPlan(models.TextChoices):
    CIN_PLAN = "cin_plan", "Step down to a child in need plan"
    NO_SERVICES = "no_services", "No further children's social care services"


class Category(models.TextChoices):
    NEG = "NEG", "Neglect"
    PHY = "PHY", "Physical abuse"
    SAB = "SAB", "Sexual abuse"
    EMO = "EMO", "Emotional abuse"
    MUL = "MUL", "Multiple categories"


class ParentParticipation(models.TextChoices):
    ATTENDED = "attended", "Attended"
    PART = "part", "Attended part of the conference"
    VIEWS = "views", "Did not attend; views given"
    NONE = "none", "Did not take part"


class ChildParticipation(models.TextChoices):
    ATTENDED = "attended", "Attended"
    ADVOCATE = "advocate", "Views given through an advocate"
    WORKER = "worker", "Views given through the social worker"
    WRITTEN = "written", "Written or drawn views"
    OBSERVED = "observed", "Too young to give views: what was observed was shared"
    NONE = "none", "Did not take part"


# Progress on a plan's actions is shared with child in need plans: lantern.casework.records.Progress.


def referrer_agency_for(referral_source: str) -> str:
    """The agency kind behind a CIN census referral source code (1A-10), or "" for individuals,
    anonymous and unknown referrers, who do not sit in a strategy discussion."""
    if referral_source.startswith("2"):
        return MeetingAgency.EDUCATION
    if referral_source.startswith("3"):
        return MeetingAgency.HEALTH
    return {"4": MeetingAgency.HOUSING, "6": MeetingAgency.POLICE, "7": MeetingAgency.OTHER, "8": MeetingAgency.OTHER,
            "5A": MeetingAgency.OTHER, "5B": MeetingAgency.OTHER, "5C": MeetingAgency.OTHER,
            "5D": MeetingAgency.OTHER}.get(referral_source, "")
