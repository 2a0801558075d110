"""Writing the planned front door history with bulk inserts (preassigned keys, batches)."""

from collections import defaultdict
from datetime import timedelta

from lantern.people.models import Allocation, Person
from lantern.referrals.models import Episode
from lantern.synthetic.rows import Inserter, reset_sequences

from ..models import AgencyCheck, Contact, ContactDecision, ContactPerson, DomesticAbuseNotification
from .contacts import PlannedContact
from .decisions import Decider
from .episodes import PlannedEpisode
from .notifications import NotificationWriter

BATCH = 5_000
CONTACT_COLUMNS = ("status", "channel", "received_at", "received_on", "decision_due", "source", "referrer_name",
                   "referrer_role", "referrer_organisation", "referrer_level_id", "submitted_by_id",
                   "discussed_with_parents", "not_discussed_reason", "not_discussed_detail", "concern",
                   "immediate_risk", "screener_id", "screening_notes", "strategy_arranged_at")
PERSON_COLUMNS = ("contact_id", "role", "first_name", "last_name", "date_of_birth", "sex", "address", "relationship",
                  "person_id", "linked_by_id", "linked_at", "episode_id")
DECISION_COLUMNS = ("contact_id", "status", "outcome", "threshold_level_id", "rationale", "nfa_reason",
                    "advice_given", "early_help_service", "transfer_authority", "primary_need", "referrer_feedback",
                    "late_reason", "decided_by_id", "decided_at", "authorised_by_id", "authorised_at",
                    "manager_comment", "effective_on", "rereferral", "previous_referral_on", "contacts_in_year")
CHECK_AGENCY_KINDS = ("police", "health", "education")


class Writer:
    def __init__(self, decider: Decider, profile, rng, today, *, window_start, notifications: int):
        self.d, self.p, self.rng, self.today = decider, profile, rng, today
        self.window_start, self.notification_target = window_start, notifications
        self.a = decider.a
        self.counts: dict[str, int] = defaultdict(int)

    def sources(self, contacts: list[PlannedContact]) -> dict[int, str]:
        """Each contact's referrer and CIN census source; a referral's episode takes its contact's source."""
        by_episode = {}
        for c in contacts:
            c.partner = self.rng.choice(self.a.partners) if c.channel == "online_form" else None
            c.source = self.d.source(c, c.partner)
            if c.episode is not None and c.outcome in ("referral", "strategy"):
                by_episode[id(c.episode)] = c.source
        return by_episode

    def episodes(self, episodes: list[PlannedEpisode], sources: dict[int, str]) -> dict[int, int]:
        """Insert the new episodes (and allocations for those made here); returns id(planned) → pk."""
        rows = Inserter(Episode, ("child_id", "referral_date", "referral_source", "primary_need", "referral_nfa",
                                  "team_id", "worker_id", "closure_date", "closure_reason"), BATCH)
        allocations = Inserter(Allocation, ("child_id", "team_id", "worker_id", "start_date", "end_date", "reason"),
                               BATCH)
        keys, now_open = {}, defaultdict(list)
        for e in episodes:
            if e.pk is not None:
                keys[id(e)] = e.pk
                continue
            source = sources.get(id(e)) or "8"
            keys[id(e)] = rows.add((e.child, e.referral, source, e.need, False, e.team, e.worker, e.closure,
                                    e.reason))
            if e.new_allocation and e.team:
                allocations.add((e.child, e.team, e.worker, e.referral, e.closure,
                                 "Referral accepted: child and family assessment"))
                if e.closure is None:
                    now_open[(e.team, e.worker)].append(e.child)
        rows.flush()
        allocations.flush()
        for (team, worker), children in now_open.items():
            Person.objects.filter(pk__in=children, current_team__isnull=True).update(current_team_id=team,
                                                                                     current_worker_id=worker)
        self.counts["episodes"], self.counts["allocations"] = rows.count, allocations.count
        return keys

    def contacts(self, contacts: list[PlannedContact], episode_keys: dict[int, int]) -> None:
        rows = Inserter(Contact, CONTACT_COLUMNS, BATCH)
        people = Inserter(ContactPerson, PERSON_COLUMNS, BATCH)
        decisions = Inserter(ContactDecision, DECISION_COLUMNS, BATCH)
        checks = Inserter(AgencyCheck, ("contact_id", "agency_id", "agency_name", "asked_on", "response",
                                        "recorded_by_id"), BATCH)
        notes = NotificationWriter(self.d, self.p, self.rng, self.today)
        notes.target, notes.start = self.notification_target, self.window_start
        by_kind = defaultdict(list)
        for pk, kind in self.a.agencies:
            by_kind[kind].append(pk)
        for c in contacts:
            contact_id, screener = self._contact(c, rows, people, decisions, episode_keys)
            if c.decided_on and self.rng.random() < (0.7 if c.outcome in ("referral", "strategy") else 0.3):
                for kind in self.rng.sample(CHECK_AGENCY_KINDS, self.rng.randrange(1, 3)):
                    agency = self.rng.choice(by_kind[kind]) if by_kind[kind] else None
                    checks.add((contact_id, agency, "" if agency else kind.title(), c.received_on,
                                "Known to us; nothing further of concern on our records.", screener))
            if c.channel == "police_notification":
                notes.for_contact(c, contact_id)
        for inserter in (rows, people, decisions, checks):
            inserter.flush()
        notes.others()
        self.counts.update({"contacts": rows.count, "contact people": people.count, "decisions": decisions.count,
                            "agency checks": checks.count, "notifications": notes.count})
        reset_sequences([Contact, ContactPerson, ContactDecision, AgencyCheck, DomesticAbuseNotification, Episode,
                         Allocation])

    def _contact(self, c: PlannedContact, rows, people, decisions, episode_keys) -> tuple[int, int]:
        level = self.d.level(c.outcome)
        due = self.d.due(c)
        status = "decided" if c.decided_on else "awaiting_authorisation" if c.proposed_only else "received"
        screener = self.rng.choice(self.a.screeners)
        values = self.d.referrer(c, c.partner, level)
        arranged = None
        # Older strategy discussions were arranged; recent ones may still wait (more of them in the inspected
        # authority) for the child protection part to pick up.
        waited = c.decided_on and c.decided_on <= self.today - timedelta(days=2)
        recent = c.decided_on and c.decided_on >= self.today - timedelta(days=30)
        if c.outcome == "strategy" and waited and not (recent and self.rng.random() < self.p.strategy_unarranged):
            arranged = self.d.decided_at(c) + timedelta(days=1)
        contact_id = rows.add((status, c.channel, c.received_at, c.received_on, due, c.source, values["referrer_name"],
                               values["referrer_role"], values["referrer_organisation"], values["referrer_level_id"],
                               values["submitted_by_id"] or screener, values["discussed_with_parents"],
                               values["not_discussed_reason"], values["not_discussed_detail"], self.d.concern(c),
                               c.outcome == "strategy" or self.rng.random() < 0.03, screener,
                               "Checked Lantern's records and the agencies' records.", arranged))
        child = self.a.children[c.child]
        episode = episode_keys.get(id(c.episode)) if c.episode else None
        linked_at = c.received_at + timedelta(minutes=15)
        people.add((contact_id, "child", child.first_name, child.last_name, child.born, child.sex,
                    self.a.addresses.get(c.child, ""), "", c.child, screener, linked_at, episode))
        for relative, kind, first, last, dob in self.a.household.get(c.child, [])[:2]:
            people.add((contact_id, "adult", first, last, dob, "U", "", kind, relative, screener, linked_at, None))
        if c.decided_on or c.proposed_only:
            decisions.add(self.d.decision(c, contact_id, due, level))
        return contact_id, screener
