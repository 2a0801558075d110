"""factory_boy factories for the compendium's tests and permission-matrix rows: the records the
indicators count, made directly (the indicators read what is stored; the protection and front door
services' own tests cover how records are made). Names are synthetic.

The strategy discussion and enquiry behind a conference, and the plan behind a review or a core
group, are dated 2020 unless told otherwise, so they stay outside the periods a test counts."""

from datetime import date, datetime, time

import factory
from django.utils import timezone

from lantern.accounts.roles import Role
from lantern.frontdoor.models import AgencyCheck, Contact, ContactDecision, DomesticAbuseNotification
from lantern.frontdoor.testing import level
from lantern.protection.models import (
    Conference,
    ConferenceInvitation,
    CoreGroup,
    CoreGroupMember,
    CpPlan,
    Section47Enquiry,
    StrategyDiscussion,
    StrategyParticipant,
)
from lantern.referrals.models import Episode
from lantern.testing.factories import ChildFactory, UserFactory

LONG_AGO = date(2020, 1, 6)


def _moment(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10)))


class EpisodeFactory(factory.django.DjangoModelFactory[Episode]):
    class Meta:
        model = Episode

    child = factory.SubFactory(ChildFactory)
    referral_date = LONG_AGO
    referral_source = "2A"
    primary_need = "N1"


class StrategyDiscussionFactory(factory.django.DjangoModelFactory[StrategyDiscussion]):
    """``agencies=["csc", "police"]`` adds a participant of each kind."""

    class Meta:
        model = StrategyDiscussion
        skip_postgeneration_save = True

    episode = factory.SubFactory(EpisodeFactory)
    child = factory.SelfAttribute("episode.child")
    held_on = LONG_AGO
    held_at = time(10, 30)
    kind = "meeting"
    concerns = "Bruising seen at school"
    decision = "s47_single"
    decision_rationale = "Reasonable cause to suspect significant harm"
    completed_on = factory.SelfAttribute("held_on")
    recorded_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def agencies(obj, create, extracted, **kwargs):
        for kind in extracted or ():
            StrategyParticipant.objects.create(discussion=obj, agency_kind=kind, name=f"{kind.title()} lead",
                                               information_shared="What the agency knew")


class EnquiryFactory(factory.django.DjangoModelFactory[Section47Enquiry]):
    class Meta:
        model = Section47Enquiry

    strategy_discussion = factory.SubFactory(StrategyDiscussionFactory)
    episode = factory.SelfAttribute("strategy_discussion.episode")
    child = factory.SelfAttribute("strategy_discussion.child")
    start_date = factory.SelfAttribute("strategy_discussion.held_on")
    lead_worker = factory.SelfAttribute("strategy_discussion.recorded_by")


class ConferenceFactory(factory.django.DjangoModelFactory[Conference]):
    """An initial conference, decided. ``invited=[("police", True, report_date or None), ...]`` adds an
    invitation per agency: whether it attended, and when it sent its report."""

    class Meta:
        model = Conference
        skip_postgeneration_save = True

    kind = "initial"
    enquiry = factory.SubFactory(EnquiryFactory)
    episode = factory.SelfAttribute("enquiry.episode")
    child = factory.SelfAttribute("enquiry.child")
    conference_date = LONG_AGO
    chair = factory.SubFactory(UserFactory, role=Role.CP_CHAIR)
    arranged_by = factory.SelfAttribute("chair")
    decision = "plan"
    decision_recorded_on = factory.LazyAttribute(lambda c: c.conference_date if c.decision else None)

    @factory.post_generation
    def invited(obj, create, extracted, **kwargs):
        for n, (kind, attended, report_on) in enumerate(extracted or ()):
            ConferenceInvitation.objects.create(
                conference=obj, agency_kind=kind, agency=kwargs.get("agency") if kind == kwargs.get("agency_kind")
                else None, invitee_name=f"Invitee {n}", invited_on=obj.conference_date, attended=attended,
                report="A report" if report_on else "", report_submitted_on=report_on)


class CpPlanFactory(factory.django.DjangoModelFactory[CpPlan]):
    class Meta:
        model = CpPlan

    conference = factory.SubFactory(ConferenceFactory)
    episode = factory.SelfAttribute("conference.episode")
    child = factory.SelfAttribute("conference.child")
    start_date = factory.SelfAttribute("conference.conference_date")
    initial_category = "NEG"
    latest_category = "NEG"
    outcomes = "Safe at home"


class ReviewConferenceFactory(ConferenceFactory):
    kind = "review"
    # factory_boy lets a plain value replace an inherited declaration; mypy sees it as retyping the
    # SubFactory attribute. A review conference follows a plan, not an enquiry.
    enquiry = None  # type: ignore[assignment]
    plan = factory.SubFactory(CpPlanFactory)
    episode = factory.SelfAttribute("plan.episode")
    child = factory.SelfAttribute("plan.child")
    decision = "continue"


class CoreGroupMemberFactory(factory.django.DjangoModelFactory[CoreGroupMember]):
    class Meta:
        model = CoreGroupMember

    plan = factory.SubFactory(CpPlanFactory)
    agency_kind = "health"
    name = factory.Sequence(lambda n: f"Member {n}")
    joined_on = LONG_AGO


class CoreGroupFactory(factory.django.DjangoModelFactory[CoreGroup]):
    """``attended=[member, ...]`` records who came."""

    class Meta:
        model = CoreGroup
        skip_postgeneration_save = True

    plan = factory.SubFactory(CpPlanFactory)
    child = factory.SelfAttribute("plan.child")
    held_on = LONG_AGO
    summary = "Reviewed every action of the plan"
    recorded_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def attended(obj, create, extracted, **kwargs):
        if extracted:
            obj.attendees.set(extracted)


class ContactFactory(factory.django.DjangoModelFactory[Contact]):
    class Meta:
        model = Contact

    status = "received"
    channel = "screener"
    received_on = LONG_AGO
    received_at = factory.LazyAttribute(lambda c: _moment(c.received_on))
    decision_due = factory.SelfAttribute("received_on")
    source = "2A"
    concern = "A worry about a child"
    discussed_with_parents = True


class ContactDecisionFactory(factory.django.DjangoModelFactory[ContactDecision]):
    class Meta:
        model = ContactDecision

    contact = factory.SubFactory(ContactFactory)
    status = "final"
    outcome = "referral"
    threshold_level = factory.LazyFunction(lambda: level("Child in need"))
    rationale = "Checked records and agencies"
    decided_by = factory.SubFactory(UserFactory, role=Role.FRONT_DOOR_SCREENER)
    decided_at = factory.LazyAttribute(lambda d: d.contact.received_at)
    effective_on = factory.LazyAttribute(lambda d: d.contact.received_on)


class AgencyCheckFactory(factory.django.DjangoModelFactory[AgencyCheck]):
    class Meta:
        model = AgencyCheck

    contact = factory.SubFactory(ContactFactory)
    asked_on = factory.SelfAttribute("contact.received_on")
    response = "Known to the service; no current concerns"
    recorded_by = factory.SubFactory(UserFactory, role=Role.FRONT_DOOR_SCREENER)


class NotificationFactory(factory.django.DjangoModelFactory[DomesticAbuseNotification]):
    class Meta:
        model = DomesticAbuseNotification

    police_reference = factory.Sequence(lambda n: f"TEST/{n:06d}")
    incident_date = factory.SelfAttribute("received_on")
    received_on = LONG_AGO
    received_at = factory.LazyAttribute(lambda n: _moment(n.received_on))
    victim_name = "Sam Example"
    address = "1 Test Street, Brindleford"
    children_reported = "Y"
    police_risk = "medium"
