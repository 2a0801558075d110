from .common import ActionForm
from .conference import AgencyReportForm, ArrangeForm, InviteForm, MinutesForm, SocialWorkReportForm, StepDownPlanForm
from .decision import DecisionForm
from .enquiry import AgreementForm, DecideForm, EnquiryVisitForm, LeadForm, OutcomeForm, RiskForm
from .plan import CoreGroupForm, EarlyEndForm, MemberForm, UpdateForm, VisitForm
from .strategy import StrategyForm

__all__ = ["ActionForm", "AgencyReportForm", "AgreementForm", "ArrangeForm", "CoreGroupForm", "DecideForm",
           "DecisionForm", "EarlyEndForm", "EnquiryVisitForm", "InviteForm", "LeadForm", "MemberForm", "MinutesForm",
           "OutcomeForm", "RiskForm", "SocialWorkReportForm", "StepDownPlanForm", "StrategyForm", "UpdateForm",
           "VisitForm"]
