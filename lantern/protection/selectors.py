"""Reads of child protection records through the access policy. Every read starts from the child the
reader may see; partner practitioners see only the conferences their agency was invited to and the
plans whose core group they belong to."""

from django.db.models import Q, QuerySet

from lantern.access.policy import Decision, OutOfReach, child_for, has_permission, require_permission
from lantern.accounts.roles import Role

from .models import Conference, ConferenceInvitation, CoreGroupMember, CpPlan, Section47Enquiry, StrategyDiscussion


def is_partner(user) -> bool:
    return user.role == Role.PARTNER_PRACTITIONER


def conferences_visible(user, conferences: QuerySet) -> QuerySet:
    if not is_partner(user):
        return conferences
    invited = ConferenceInvitation.objects.filter(Q(invitee=user) | Q(agency_id=user.agency_id, agency__isnull=False))
    return conferences.filter(pk__in=invited.values("conference_id"))


def plans_visible(user, plans: QuerySet) -> QuerySet:
    if not is_partner(user):
        return plans
    members = CoreGroupMember.objects.filter(left_on__isnull=True).filter(
        Q(user=user) | Q(agency_id=user.agency_id, agency__isnull=False))
    return plans.filter(pk__in=members.values("plan_id"))


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
    queryset = conferences_visible(user, Conference.objects.select_related("episode", "chair", "enquiry", "plan"))
    return _fetch(user, queryset, pk, "conference")


def plan_for(user, pk: int) -> tuple[CpPlan, Decision]:
    require_permission(user, "protection.view")
    return _fetch(user, plans_visible(user, CpPlan.objects.select_related("episode", "conference", "pending_end")),
                  pk, "plan")


def child_protection(user, child, episode=None) -> dict:
    """A child's child protection records this reader may see (the child already fetched through
    the policy), newest first; ``episode`` narrows them to one episode."""
    where = {"child": child} if episode is None else {"episode": episode}
    casework = has_permission(user, "protection.casework")
    return {
        "discussions": list(StrategyDiscussion.objects.filter(**where).select_related("enquiry")) if casework else [],
        "enquiries": list(Section47Enquiry.objects.filter(**where).select_related("lead_worker")) if casework else [],
        "conferences": list(conferences_visible(user, Conference.objects.filter(**where)).select_related("chair")),
        "plans": list(plans_visible(user, CpPlan.objects.filter(**where))),
    }
