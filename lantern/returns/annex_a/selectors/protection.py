"""List 7, child protection: every child protection plan open at some point in the period.
"Date of the Last Statutory Visit" is the latest visit under the plan at which the child was seen;
"Was the Child Seen Alone?" answers for that visit. Lantern does not record emergency protection
orders or police protection, so that column is left blank."""

from django.db.models import Max, Q

from lantern.protection.codes import ConferenceKind
from lantern.protection.models import Conference, CpPlan, CpVisit

from ..codes import CATEGORY, yes_no
from ..period import Period
from .common import ListRows, children_for, upto

UNKNOWN_SEEN_ALONE = "c) Unknown"


def protection_rows(period: Period) -> ListRows:
    plans = CpPlan.objects.filter(start_date__lte=period.end, child__is_child_record=True).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=period.start))
    last_visit: dict[int, tuple] = {}
    for plan_id, day, alone in (CpVisit.objects.filter(plan_id__in=plans.values("id"), child_seen=True,
                                                       visit_date__lte=period.end)
                                .order_by("visit_date", "id").values_list("plan_id", "visit_date", "seen_alone")):
        last_visit[plan_id] = (day, alone)
    last_review = dict(Conference.objects.filter(kind=ConferenceKind.REVIEW, plan_id__in=plans.values("id"),
                                                 cancelled_on__isnull=True, conference_date__lte=period.end)
                       .values("plan_id").annotate(latest=Max("conference_date")).values_list("plan_id", "latest"))
    result = ListRows()
    for pk, child_id, start, initial, latest, ended, previous in plans.values_list(
            "id", "child_id", "start_date", "initial_category", "latest_category", "end_date", "previous_plans"):
        visited, alone = last_visit.get(pk, (None, None))
        result.rows.append((child_id, (
            start, CATEGORY.get(initial, initial), CATEGORY.get(latest, latest), visited,
            yes_no(alone, UNKNOWN_SEEN_ALONE) if visited else "", last_review.get(pk), upto(ended, period.end),
            None, previous)))
    return result.finish(children_for(plans.values("child_id"), period))
