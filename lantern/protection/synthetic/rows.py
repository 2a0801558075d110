"""The planned rows, kept in dependency order, and writing them in bulk (parents before children, so
each row's foreign keys point at rows already saved)."""

from dataclasses import dataclass, field

from ..models import (
    ActionProgress,
    Conference,
    ConferenceInvitation,
    CoreGroup,
    CoreGroupMember,
    CpPlan,
    CpVisit,
    EnquiryVisit,
    PlanAction,
    Section47Enquiry,
    StrategyAction,
    StrategyDiscussion,
    StrategyParticipant,
    WrittenAgreement,
)

BATCH = 2000


@dataclass
class Rows:
    discussions: list = field(default_factory=list)
    participants: list = field(default_factory=list)
    strategy_actions: list = field(default_factory=list)
    enquiries: list = field(default_factory=list)
    enquiry_visits: list = field(default_factory=list)
    agreements: list = field(default_factory=list)
    conferences: list = field(default_factory=list)  # initial conferences, written before the plans
    invitations: list = field(default_factory=list)
    plans: list = field(default_factory=list)
    reviews: list = field(default_factory=list)  # review conferences, which point at their plan
    actions: list = field(default_factory=list)
    members: list = field(default_factory=list)
    core_groups: list = field(default_factory=list)
    attendance: list = field(default_factory=list)  # (core group, member)
    progress: list = field(default_factory=list)
    visits: list = field(default_factory=list)
    plan_ends: list = field(default_factory=list)  # (plan, the review that ended it), linked after both exist

    def counts(self) -> dict[str, int]:
        return {name: len(value) for name, value in vars(self).items() if name not in ("attendance", "plan_ends")}


ORDER = (("discussions", StrategyDiscussion), ("participants", StrategyParticipant),
         ("strategy_actions", StrategyAction), ("enquiries", Section47Enquiry), ("enquiry_visits", EnquiryVisit),
         ("agreements", WrittenAgreement), ("conferences", Conference), ("plans", CpPlan), ("reviews", Conference),
         ("invitations", ConferenceInvitation), ("actions", PlanAction), ("members", CoreGroupMember),
         ("core_groups", CoreGroup), ("progress", ActionProgress), ("visits", CpVisit))


def write_rows(rows: Rows, log) -> None:
    for name, model in ORDER:
        model.objects.bulk_create(getattr(rows, name), batch_size=BATCH)
        log(f"  protection {name}: {len(getattr(rows, name)):,}")
    # A plan points at the review that ended it, and the review at the plan: linked once both exist.
    for plan, review in rows.plan_ends:
        plan.ended_by_id = review.pk
    CpPlan.objects.bulk_update([plan for plan, _ in rows.plan_ends], ["ended_by"], batch_size=BATCH)
    through = CoreGroup.attendees.through
    through.objects.bulk_create((through(coregroup_id=g.pk, coregroupmember_id=m.pk) for g, m in rows.attendance),
                                batch_size=BATCH)
