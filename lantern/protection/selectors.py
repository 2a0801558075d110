"""Reads of child protection records through the access policy. Every read starts from the child the
reader may see; partner practitioners see only the conferences their agency was invited to and the
plans whose core group they belong to."""


from django.db.models import QuerySet

from lantern.access.policy import Decision, OutOfReach, child_for, has_permission, require_permission

from .models import Conference, CpPlan, Section47Enquiry, StrategyDiscussion
from .policies import core_group, partner_contributions


def _fetch(user, queryset: QuerySet, pk: int, what: str):
    record = queryset.filter(pk=pk).first()
    if record is None:
        raise OutOfReach(f"No {what} you can see has that ID")
    child, decision = child_for(user, record.child_id)
    record.child = child
    return record, decision


def strategy_for(user, pk: int) -> tuple[StrategyDiscussion, Decision]:
    require_permission(user, "protection.casework")
    return _fetch(user, StrategyDiscussion.objects.select_related("episode", "recorded_by"), pk,
                  "strategy discussion")


def enquiry_for(user, pk: int) -> tuple[Section47Enquiry, Decision]:
    require_permission(user, "protection.casework")
    return _fetch(user, Section47Enquiry.objects.select_related("episode", "lead_worker", "strategy_discussion"), pk,
                  "enquiry")


def conference_for(user, pk: int) -> tuple[Conference, Decision]:
    require_permission(user, "protection.view")
    conferences = Conference.objects.select_related("episode", "chair", "enquiry", "plan")
    queryset = partner_contributions.conferences_visible(user, conferences)
    return _fetch(user, queryset, pk, "conference")


def plan_for(user, pk: int) -> tuple[CpPlan, Decision]:
    require_permission(user, "protection.view")
    plans = core_group.plans_visible(user, CpPlan.objects.select_related("episode", "conference", "pending_end"))
    return _fetch(user, plans, pk, "plan")


def child_protection(user, child, episode=None) -> dict:
    """A child's child protection records this reader may see (the child already fetched through
    the policy), newest first; ``episode`` narrows them to one episode."""
    where = {"child": child} if episode is None else {"episode": episode}
    casework = has_permission(user, "protection.casework")
    return {
        "discussions": list(StrategyDiscussion.objects.filter(**where).select_related("enquiry")) if casework else [],
        "enquiries": list(Section47Enquiry.objects.filter(**where).select_related("lead_worker")) if casework else [],
        "conferences": list(partner_contributions.conferences_visible(user, Conference.objects.filter(**where))
                            .select_related("chair")),
        "plans": list(core_group.plans_visible(user, CpPlan.objects.filter(**where))),
    }
