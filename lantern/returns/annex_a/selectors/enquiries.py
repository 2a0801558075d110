"""List 5, Section 47 enquiries and initial child protection conferences: every enquiry that
started in the period, or whose initial conference was held in it. The two "last 12 months"
counts cover the twelve months ending on the last day of the period."""

from collections import Counter

from django.db.models import Exists, OuterRef, Q

from lantern.protection.codes import ConferenceDecision, ConferenceKind, EnquiryOutcome
from lantern.protection.models import Conference, Section47Enquiry

from ..codes import NO, YES
from ..period import Period
from .common import ListRows, children_for, upto


def _initial_conferences():
    return Conference.objects.filter(kind=ConferenceKind.INITIAL, cancelled_on__isnull=True)


def enquiry_rows(period: Period) -> ListRows:
    held_in_period = _initial_conferences().filter(enquiry=OuterRef("pk"), conference_date__gte=period.start,
                                                   conference_date__lte=period.end)
    enquiries = Section47Enquiry.objects.filter(child__is_child_record=True).filter(
        Q(start_date__gte=period.start, start_date__lte=period.end) | Q(Exists(held_in_period)))
    children = enquiries.values("child_id")
    first_icpc: dict[int, tuple] = {}
    for enquiry_id, day, decision in (_initial_conferences()
                                      .filter(enquiry_id__in=enquiries.values("id"), conference_date__lte=period.end)
                                      .order_by("-conference_date", "-id")
                                      .values_list("enquiry_id", "conference_date", "decision")):
        first_icpc[enquiry_id] = (day, decision)  # earliest wins: read latest first
    since = period.year_before(period.end)
    s47_count = Counter(Section47Enquiry.objects.filter(child_id__in=children, start_date__gte=since,
                                                        start_date__lte=period.end).values_list("child_id", flat=True))
    icpc_count = Counter(_initial_conferences().filter(child_id__in=children, conference_date__gte=since,
                                                       conference_date__lte=period.end)
                         .values_list("child_id", flat=True))
    result = ListRows()
    for pk, child_id, strategy_on, outcome, completed in enquiries.values_list(
            "id", "child_id", "strategy_discussion__held_on", "outcome", "completed_on"):
        icpc_on, decision = first_icpc.get(pk, (None, ""))
        concluded = outcome if upto(completed, period.end) else ""
        unnecessary = (NO if concluded == EnquiryOutcome.CONFERENCE else YES) if concluded else (NO if icpc_on else "")
        plan = {ConferenceDecision.PLAN: YES, ConferenceDecision.NO_PLAN: NO}.get(decision, "") if icpc_on else ""
        result.rows.append((child_id, (strategy_on, unnecessary, icpc_on, plan, s47_count[child_id],
                                       icpc_count[child_id])))
    return result.finish(children_for(children, period))
