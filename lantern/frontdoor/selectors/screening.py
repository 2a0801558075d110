"""What the screener sees about a contact: the people it names and who they may be, and each
matched child's previous involvement (contacts and referrals in the last 12 months and ever, and
whatever else the child's chronology holds: assessments, plans, allocations)."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q

from lantern.access.policy import child_for, visible_children
from lantern.chronology.registry import ChronologyEvent, events_for
from lantern.people.models import Person, Relationship
from lantern.people.selectors import DuplicateCheck, duplicate_check
from lantern.referrals.models import Episode

from ..codes import ContactStatus, DecisionStatus, PersonRole
from ..models import Contact, ContactDecision, ContactPerson

YEAR = timedelta(days=365)
SHOWN_BY_KIND = {"contact", "frontdoor_decision", "referral", "address"}
RECENT = 8


@dataclass
class Involvement:
    mention: ContactPerson
    child: Person | None
    restricted: bool = False
    contacts: list[Contact] = field(default_factory=list)  # earlier contacts, newest first
    contacts_in_year: int = 0
    contacts_ever: int = 0
    episodes: list[Episode] = field(default_factory=list)
    episodes_in_year: int = 0
    open_episode: Episode | None = None
    other_events: list[ChronologyEvent] = field(default_factory=list)
    other_in_year: int = 0


def contact_for_screening(pk: int) -> Contact | None:
    return (Contact.objects.exclude(status=ContactStatus.DRAFT).select_related(
        "referrer_agency", "referrer_level", "screener", "submitted_by").prefetch_related(
        Prefetch("people", queryset=ContactPerson.objects.select_related("person", "episode").order_by("role", "id")),
        Prefetch("decisions", queryset=ContactDecision.objects.select_related(
            "threshold_level", "decided_by", "authorised_by")),
        "agency_checks__agency", "agency_checks__recorded_by").filter(pk=pk).first())


def involvement_of(user, contact: Contact, mention: ContactPerson, today: date) -> Involvement:
    try:
        child, _ = child_for(user, mention.person_id or 0)
    except PermissionDenied:
        return Involvement(mention=mention, child=None, restricted=True)
    since, day = contact.received - YEAR, contact.received
    earlier = list(Contact.objects.filter(people__person=child).exclude(pk=contact.pk)
                   .exclude(status=ContactStatus.DRAFT).distinct().order_by("-received_at"))
    episodes = list(Episode.objects.filter(child=child).order_by("-referral_date"))
    others = [e for e in events_for(child) if e.kind not in SHOWN_BY_KIND]
    return Involvement(
        mention=mention, child=child, contacts=earlier[:RECENT], contacts_ever=len(earlier),
        contacts_in_year=sum(1 for c in earlier if since <= c.received <= day),
        episodes=episodes, episodes_in_year=sum(1 for e in episodes if since <= e.referral_date <= day),
        open_episode=next((e for e in episodes if e.closure_date is None and not e.referral_nfa), None),
        other_events=others[:RECENT], other_in_year=sum(1 for e in others if since <= e.on <= day),
    )


def previous_involvement(user, contact: Contact, today: date) -> list[Involvement]:
    return [involvement_of(user, contact, m, today) for m in contact.people.all()
            if m.role == PersonRole.CHILD and m.person_id]


def possible_matches(user, mention: ContactPerson) -> DuplicateCheck:
    """Child records that may be this named child (the people app's duplicate check, as far as
    this screener may see; a restricted record that matches is only said to exist)."""
    return duplicate_check(user, first_name=mention.first_name, last_name=mention.last_name,
                           date_of_birth=mention.date_of_birth, detail="front door match; ")


def relatives_of_matched(user, contact: Contact) -> list[Relationship]:
    """Family members already recorded for the matched children this screener may open: the likely
    records of named adults."""
    children = [m.person_id for m in contact.people.all() if m.role == PersonRole.CHILD and m.person_id]
    visible = visible_children(user)
    relatives = (Relationship.objects.filter(child_id__in=visible.filter(pk__in=children).values("pk"))
                 .filter(Q(relative__is_child_record=False) | Q(relative__in=visible))
                 .select_related("relative", "child").order_by("relative__last_name", "relative__first_name"))
    return list(relatives)


def current_decision(contact: Contact) -> ContactDecision | None:
    decisions = sorted(contact.decisions.all(), key=lambda d: (d.decided_at, d.pk), reverse=True)
    return decisions[0] if decisions else None


def final_decision(contact: Contact) -> ContactDecision | None:
    return next((d for d in contact.decisions.all() if d.status == DecisionStatus.FINAL), None)
