"""List 4, assessments: every child and family assessment open at some point in the period
(started by its end, and not authorised before its start), so an overdue assessment that began
earlier is listed too."""

from django.db.models import Q

from lantern.assessments.models import Assessment

from ..codes import NEEDS_SUPPORT, NO, YES
from ..period import Period
from .common import ListRows, children_for, upto


def assessment_rows(period: Period) -> ListRows:
    assessments = Assessment.objects.filter(started_on__lte=period.end, child__is_child_record=True).filter(
        Q(authorised_on__isnull=True) | Q(authorised_on__gte=period.start))
    result = ListRows()
    for child_id, started, seen, authorised, outcome in assessments.values_list(
            "child_id", "started_on", "child_seen_on", "authorised_on", "outcome"):
        authorised = upto(authorised, period.end)
        needs = NEEDS_SUPPORT.get(outcome, "") if authorised else ""
        result.rows.append((child_id, (started, YES if upto(seen, period.end) else NO, authorised, needs)))
    return result.finish(children_for(assessments.values("child_id"), period))
