"""The front door queue: every contact waiting for a decision, overdue first, with its flags, in a
fixed number of queries however long the queue is."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Prefetch

from lantern.referrals.models import Episode

from ..codes import Channel, ContactStatus, DecisionStatus, Outcome, PersonRole
from ..models import Contact, ContactDecision, ContactPerson

YEAR = timedelta(days=365)
QUEUE_LIMIT = 500
OPEN = (ContactStatus.RECEIVED, ContactStatus.AWAITING_AUTHORISATION)


@dataclass
class QueueRow:
    contact: Contact
    children: list[ContactPerson]
    due_state: str  # overdue | due_today | upcoming
    flags: list[tuple[str, str]] = field(default_factory=list)  # (label, GOV.UK tag colour class)
    restricted: bool = False  # matched to a restricted record the reader may not open

    @property
    def due_label(self) -> tuple[str, str]:
        return {"overdue": ("Overdue", "govuk-tag--red"), "due_today": ("Due today", "govuk-tag--orange"),
                "upcoming": ("Due", "govuk-tag--grey")}[self.due_state]


def _history(children: set[int], since: date) -> tuple[dict[int, list[date]], dict[int, list[tuple[int, date]]]]:
    """Each child's referral dates, and the contacts about them, since ``since``: two queries."""
    referrals: dict[int, list[date]] = defaultdict(list)
    for child_id, on in Episode.objects.filter(child_id__in=children, referral_date__gte=since).values_list(
            "child_id", "referral_date"):
        referrals[child_id].append(on)
    contacts: dict[int, list[tuple[int, date]]] = defaultdict(list)
    rows = (ContactPerson.objects.filter(person_id__in=children, contact__received_on__gte=since)
            .exclude(contact__status=ContactStatus.DRAFT)
            .values_list("person_id", "contact_id", "contact__received_on"))
    for person_id, contact_id, received in rows:
        if received is not None:
            contacts[person_id].append((contact_id, received))
    return referrals, contacts


def _flags(contact: Contact, children: list[ContactPerson], returned: bool, referrals,
           contacts) -> list[tuple[str, str]]:
    flags = []
    if contact.immediate_risk:
        flags.append(("Immediate risk reported", "govuk-tag--red"))
    if contact.status == ContactStatus.AWAITING_AUTHORISATION:
        flags.append(("Waiting for authorisation", "govuk-tag--purple"))
    if returned:
        flags.append(("Returned by manager", "govuk-tag--pink"))
    matched = [m.person_id for m in children if m.person_id]
    if len(matched) < len(children) or not children:
        flags.append(("Children not matched", "govuk-tag--yellow"))
    day, since = contact.received, contact.received - YEAR
    if any(since <= on <= day for child in matched for on in referrals.get(child, [])):
        flags.append(("Re-referral", "govuk-tag--orange"))
    counts = [len({cid for cid, on in contacts.get(child, []) if since <= on <= day}) for child in matched]
    if max(counts, default=0) >= 3:
        flags.append((f"{max(counts)} contacts in 12 months", "govuk-tag--orange"))
    if contact.discussed_with_parents is False:
        flags.append(("Not discussed with parents", "govuk-tag--grey"))
    if contact.channel == Channel.POLICE_NOTIFICATION:
        flags.append(("Domestic abuse notification", "govuk-tag--blue"))
    return flags


def open_contacts():
    """Contacts waiting for a decision, with what their queue rows need, unordered."""
    returns = ContactDecision.objects.filter(status=DecisionStatus.RETURNED).order_by("-decided_at")
    return Contact.objects.filter(status__in=OPEN).select_related("referrer_agency", "screener").prefetch_related(
        Prefetch("people", queryset=ContactPerson.objects.filter(role=PersonRole.CHILD).order_by("id"),
                 to_attr="children"),
        Prefetch("decisions", queryset=returns, to_attr="returns"),
    )


QUEUE_ORDER = ("decision_due", "received_at", "pk")


def queue_rows(contacts: list, *, today: date) -> list[QueueRow]:
    """The queue's rows for these contacts (from ``open_contacts``), flags worked out in two queries."""
    matched = {m.person_id for c in contacts for m in c.children if m.person_id}
    since = min((c.received for c in contacts), default=today) - YEAR
    referrals, seen = _history(matched, since)
    rows = []
    for c in contacts:
        returned = bool(c.returns) and c.status == ContactStatus.RECEIVED
        state = "overdue" if c.due < today else "due_today" if c.due == today else "upcoming"
        rows.append(QueueRow(contact=c, children=c.children, due_state=state,
                             flags=_flags(c, c.children, returned, referrals, seen)))
    return rows


def front_door_queue(*, today: date) -> tuple[list[QueueRow], int]:
    """Open contacts, most urgent first (overdue, then by due date and time of receipt)."""
    total = Contact.objects.filter(status__in=OPEN).count()
    contacts = list(open_contacts().order_by(*QUEUE_ORDER)[:QUEUE_LIMIT])
    return queue_rows(contacts, today=today), total


def strategy_needed(limit: int = 100) -> list[ContactDecision]:
    """Decisions that asked for a strategy discussion the child protection part has not yet arranged,
    oldest first (``strategy_needed_count`` says how many there are in all)."""
    return list(_strategy_waiting().select_related("contact", "decided_by")
                .prefetch_related(Prefetch("contact__people", queryset=ContactPerson.objects.filter(
                    role=PersonRole.CHILD).select_related("person"), to_attr="children"))
                .order_by("effective_on", "pk")[:limit])


def _strategy_waiting():
    return ContactDecision.objects.filter(status=DecisionStatus.FINAL, outcome=Outcome.STRATEGY,
                                          contact__strategy_arranged_at__isnull=True)


def strategy_needed_count() -> int:
    return _strategy_waiting().count()
