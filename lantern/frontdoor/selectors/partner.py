"""A partner practitioner's own referrals, and nothing else."""

from django.db.models import Prefetch

from ..codes import Channel, DecisionStatus, PersonRole
from ..models import Contact, ContactDecision, ContactPerson


def my_referrals(user) -> list[Contact]:
    return list(Contact.objects.filter(submitted_by=user, channel__in=(Channel.ONLINE_FORM, Channel.API))
                .prefetch_related(
                    Prefetch("people", queryset=ContactPerson.objects.filter(role=PersonRole.CHILD).order_by("id"),
                             to_attr="children"),
                    Prefetch("decisions", queryset=ContactDecision.objects.filter(status=DecisionStatus.FINAL),
                             to_attr="final"))
                .order_by("-updated_at", "-pk"))
