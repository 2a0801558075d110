"""Child protection records (SSD ssd_s47_enquiry, ssd_initial_cp_conference, ssd_cp_plans,
ssd_cp_visits, ssd_cp_reviews; CIN census Section47 and ChildProtectionPlans), each hanging off
the child's child in need episode."""

from .conference import Conference, ConferenceInvitation
from .enquiry import EnquiryVisit, Section47Enquiry, WrittenAgreement
from .plan import ActionProgress, CoreGroup, CoreGroupMember, CpPlan, CpVisit, PlanAction, PlanUpdate
from .strategy import StrategyAction, StrategyDiscussion, StrategyParticipant

__all__ = ["ActionProgress", "Conference", "ConferenceInvitation", "CoreGroup", "CoreGroupMember", "CpPlan",
           "CpVisit", "EnquiryVisit", "PlanAction", "PlanUpdate", "Section47Enquiry", "StrategyAction",
           "StrategyDiscussion", "StrategyParticipant", "WrittenAgreement"]
