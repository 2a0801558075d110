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
                       EarlyEndIn,
                       InvitationOut,
                       MinutesIn,
                       SocialWorkReportIn,
                       UpdateIn,
)

__all__ = ["AgencyReportIn", "ArrangeIn", "ChildProtectionOut", "ConferenceDecisionIn", "ConferenceOut",
           "CoreGroupIn", "CpActionIn", "CpActionOut", "CpPlanOut", "CpProgressIn", "CpVisitIn", "CreatedOut",
           "EarlyEndIn", "EnquiryOut", "EnquiryVisitIn", "InvitationOut", "MinutesIn", "OutcomeIn", "ParticipantIn",
           "ParticipantOut", "RiskIn", "SocialWorkReportIn", "StrategyIn", "StrategyOut", "UpdateIn"]
