"""A partner practitioner's own referrals, and nothing else."""

from django.db.models import Prefetch

from ..codes import Channel, DecisionStatus, PersonRole
from ..models import Contact, ContactDecision, ContactPerson


def my_referrals_query(user):
    """A partner's referrals, sent or in draft, with their children and final decision, unordered."""
    return (Contact.objects.filter(submitted_by=user, channel__in=(Channel.ONLINE_FORM, Channel.API))
            .prefetch_related(
                Prefetch("people", queryset=ContactPerson.objects.filter(role=PersonRole.CHILD).order_by("id"),
                         to_attr="children"),
                Prefetch("decisions", queryset=ContactDecision.objects.filter(status=DecisionStatus.FINAL),
                         to_attr="final")))


def my_referrals(user) -> list[Contact]:
    return list(my_referrals_query(user).order_by("-updated_at", "-pk"))
