"""The chair's conference list and the child protection figures beside it, for the children the
reader may see, in a fixed number of queries."""

from datetime import date

from dateutil.relativedelta import relativedelta
from django.db.models import Count, Q

from lantern.access.policy import visible_children
from lantern.obligations.models import Obligation

from .models import Conference, CpPlan
from .obligations import PLAN_SOURCE
from .readiness import Readiness, readiness_for
from .services.plan_changes import EARLY_END

LIST_LIMIT = 200


def ends_early_dates(start: date, end: date | None) -> bool:
    """Whether a plan ended within 3 months of its start (a running plan has not)."""
    return end is not None and end <= start + EARLY_END


def conferences_needing_work(user, *, mine: bool):
    """Conferences of children the reader may see still needing something: arranged and not yet
    decided, or decided with the minutes not yet circulated (``mine``: those the reader chairs)."""
    rows = (Conference.objects.filter(child__in=visible_children(user), cancelled_on__isnull=True)
            .filter(Q(decision="") | Q(minutes_circulated_on__isnull=True))
            .select_related("child", "chair").prefetch_related("invitations__agency"))
    return rows.filter(chair=user) if mine else rows


def conference_list(user, *, today: date, mine: bool) -> list[Readiness]:
    """The conferences needing work, the soonest first."""
    rows = conferences_needing_work(user, mine=mine).order_by("conference_date", "pk")
    return readiness_for(list(rows[:LIST_LIMIT]), today)


def protection_figures(user, *, today: date) -> dict:
    children = visible_children(user)
    year_ago = today - relativedelta(years=1)
    plans = CpPlan.objects.filter(child__in=children)
    started = plans.filter(start_date__gt=year_ago).aggregate(
        n=Count("id"), repeat=Count("id", filter=Q(previous_plans__gt=0)))
    # "Within 3 months" is in calendar months, so it is worked out here rather than in SQL.
    ended = list(plans.filter(end_date__gt=year_ago, end_date__lte=today).values_list("start_date", "end_date"))
    early = sum(1 for start, end in ended if ends_early_dates(start, end))
    overdue_visits = Obligation.objects.filter(source_type=PLAN_SOURCE, rule_id="cp_visit", met_on__isnull=True,
                                               withdrawn_on__isnull=True, due_date__lt=today,
                                               child__in=children).count()
    return {
        "on_plans": plans.filter(end_date__isnull=True).count(),
        "started": started["n"], "repeat": started["repeat"],
        "ended": len(ended), "ended_early": early,
        "ended_early_percent": round(100 * early / len(ended)) if ended else 0,
        "awaiting_end_decision": plans.filter(pending_end__isnull=False).count(),
        "overdue_visits": overdue_visits,
    }
