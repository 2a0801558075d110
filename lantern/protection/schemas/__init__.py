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
                       CreatedOut,
                       InvitationOut,
                       MinutesIn,
                       SocialWorkReportIn,
                       UpdateIn,
)

__all__ = ["CpActionIn", "CpActionOut", "AgencyReportIn", "ArrangeIn", "ChildProtectionOut", "ConferenceOut",
           "CoreGroupIn", "CpVisitIn", "CreatedOut", "ConferenceDecisionIn", "EnquiryOut", "InvitationOut", "MinutesIn",
           "OutcomeIn", "ParticipantIn", "ParticipantOut", "CpPlanOut", "CpProgressIn", "RiskIn", "SocialWorkReportIn",
           "StrategyIn", "StrategyOut", "UpdateIn", "EnquiryVisitIn"]
