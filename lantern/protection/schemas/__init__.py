"""API shapes for child protection."""

from .casework import (
                       CpActionIn,
                       EnquiryOut,
                       EnquiryVisitIn,
                       OutcomeIn,
                       ParticipantIn,
                       ParticipantOut,
                       RiskIn,
                       StrategyIn,
                       StrategyOut,
)
from .meetings import (
                       AgencyReportIn,
                       ArrangeIn,
                       ChildProtectionOut,
                       ConferenceDecisionIn,
                       ConferenceOut,
                       CoreGroupIn,
                       CpActionOut,
                       CpPlanOut,
                       CpProgressIn,
                       CpVisitIn,
                       EarlyEndIn,
                       InvitationOut,
                       MinutesIn,
                       SocialWorkReportIn,
                       UpdateIn,
)
from .records import (
                       AgreementDecisionIn,
                       AgreementIn,
                       ConferenceListItemOut,
                       CoreGroupMemberOut,
                       CoreGroupOut,
                       CpProgressOut,
                       CpVisitOut,
                       EnquiryVisitOut,
                       InviteIn,
                       LeadIn,
                       MemberIn,
                       PlanUpdateOut,
                       StepDownPlanIn,
                       WrittenAgreementOut,
)

__all__ = ["AgencyReportIn", "AgreementDecisionIn", "AgreementIn", "ArrangeIn", "ChildProtectionOut",
           "ConferenceDecisionIn", "ConferenceListItemOut", "ConferenceOut", "CoreGroupIn", "CoreGroupMemberOut",
           "CoreGroupOut", "CpActionIn", "CpActionOut", "CpPlanOut", "CpProgressIn", "CpProgressOut", "CpVisitIn",
           "CpVisitOut", "EarlyEndIn", "EnquiryOut", "EnquiryVisitIn", "EnquiryVisitOut", "InvitationOut",
           "InviteIn", "LeadIn", "MemberIn", "MinutesIn", "OutcomeIn", "ParticipantIn", "ParticipantOut",
           "PlanUpdateOut", "RiskIn", "SocialWorkReportIn", "StepDownPlanIn", "StrategyIn", "StrategyOut",
           "UpdateIn", "WrittenAgreementOut"]
