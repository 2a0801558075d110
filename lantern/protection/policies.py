"""Child protection's instance rules, beside the one access policy (lantern/access/policy.py).

The access policy says which children a person reaches; these say which of a reachable child's
child protection records, and which acts on them, a person's place in the case allows:

- ``core_group``: a partner practitioner sees a plan, and adds updates to it, only while they (or
  their agency) are in its core group;
- ``partner_contributions``: a partner sees only conferences their agency was invited to, and acts
  only for their own agency (or as the person invited);
- ``chair_independence``: a conference chair is a chair, and independent of the case's line
  management (not the allocated worker, nor anyone above them)."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from lantern.accounts.roles import Role

from .models import ConferenceInvitation, CoreGroupMember, CpPlan


def is_partner(user) -> bool:
    return user.role == Role.PARTNER_PRACTITIONER


class CoreGroupMembership:
    def _members(self, user) -> QuerySet:
        return CoreGroupMember.objects.filter(left_on__isnull=True).filter(
            Q(user=user) | Q(agency_id=user.agency_id, agency__isnull=False))

    def plans_visible(self, user, plans: QuerySet) -> QuerySet:
        """Every plan for staff; for a partner, the plans whose core group they are in."""
        return plans if not is_partner(user) else plans.filter(pk__in=self._members(user).values("plan_id"))

    def is_member(self, user, plan: CpPlan) -> bool:
        return self._members(user).filter(plan=plan).exists()


class PartnerContributions:
    def conferences_visible(self, user, conferences: QuerySet) -> QuerySet:
        """Every conference for staff; for a partner, those their agency (or they) were invited to."""
        if not is_partner(user):
            return conferences
        invited = ConferenceInvitation.objects.filter(Q(invitee=user) | Q(agency_id=user.agency_id,
                                                                           agency__isnull=False))
        return conferences.filter(pk__in=invited.values("conference_id"))

    def require(self, actor, agency_id: int | None, user_id: int | None, what: str) -> None:
        """A partner practitioner acts only for their own agency (or as the person named)."""
        if not is_partner(actor):
            return
        if user_id == actor.pk or (agency_id is not None and agency_id == actor.agency_id):
            return
        raise PermissionDenied(f"Only the agency {what} can do this")


class ChairIndependence:
    def line_manager_chain(self, user) -> set[int]:
        """Everyone above ``user`` in line management (guarding against a loop in the data)."""
        chain: set[int] = set()
        current = user.line_manager if user else None
        while current is not None and current.pk not in chain:
            chain.add(current.pk)
            current = current.line_manager
        return chain

    def problem(self, chair, child, episode) -> str | None:
        """Why ``chair`` may not chair this child's conference, or None."""
        if chair is None:
            return "Select the chair"
        if chair.role != Role.CP_CHAIR or not chair.is_active:
            return f"{chair} is not a child protection chair"
        for worker in {w for w in (child.current_worker, episode.worker) if w is not None}:
            if chair.pk == worker.pk:
                return f"{chair} is the allocated worker: the chair must be independent of the case"
            if chair.pk in self.line_manager_chain(worker):
                return f"{chair} line-manages the allocated worker: the chair must be independent of the case"
        return None


core_group = CoreGroupMembership()
partner_contributions = PartnerContributions()
chair_independence = ChairIndependence()
