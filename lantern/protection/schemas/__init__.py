"""API shapes for child protection."""

from .casework import (
                       ActionIn,
                       EnquiryOut,
                       OutcomeIn,
                       ParticipantIn,
                       ParticipantOut,
                       RiskIn,
                       StrategyIn,
                       StrategyOut,
                       VisitIn,
)
from .meetings import (
                       ActionOut,
                       AgencyReportIn,
                       ArrangeIn,
                       ChildProtectionOut,
                       ConferenceOut,
                       CoreGroupIn,
                       CpVisitIn,
                       CreatedOut,
                       DecisionIn,
                       EarlyEndIn,
                       InvitationOut,
                       MinutesIn,
                       PlanOut,
                       ProgressIn,
                       SocialWorkReportIn,
                       UpdateIn,
)

__all__ = ["ActionIn", "ActionOut", "AgencyReportIn", "ArrangeIn", "ChildProtectionOut", "ConferenceOut",
           "CoreGroupIn", "CpVisitIn", "CreatedOut", "DecisionIn", "EarlyEndIn", "EnquiryOut", "InvitationOut",
           "MinutesIn", "OutcomeIn", "ParticipantIn", "ParticipantOut", "PlanOut", "ProgressIn", "RiskIn",
           "SocialWorkReportIn", "StrategyIn", "StrategyOut", "UpdateIn", "VisitIn"]
