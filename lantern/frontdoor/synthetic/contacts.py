"""The contacts and decisions of the history: one contact for each referral, and the contacts that
did not become referrals (closed, advice, early help, transfer, or passed to an open episode),
with the decision clock, authorisation, and the re-referral and repeat-contact flags worked out
from each child's timeline as the services would have."""

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from random import Random

from django.utils import timezone

from ..models.thresholds import DEFAULT_AUTHORISATION
from .episodes import PlannedEpisode
from .profiles import Profile
from .source import Authority

YEAR = timedelta(days=365)


@dataclass
class PlannedContact:
    child: int
    received_at: datetime
    channel: str
    outcome: str  # what was (or will be) decided; see decided_on and proposed_only
    episode: PlannedEpisode | None = None
    decided_on: date | None = None
    proposed_only: bool = False  # waiting for a manager's authorisation
    rereferral: date | None = None
    contacts_in_year: int = 1
    source: str = ""
    partner: tuple | None = None  # (user, name, agency kind, agency) for the online form

    @property
    def received_on(self) -> date:
        return timezone.localdate(self.received_at)


def _moment(rng: Random, day: date, police: bool) -> datetime:
    hour = rng.randrange(0, 24) if police else rng.randrange(8, 18)
    return timezone.make_aware(datetime.combine(day, time(hour, rng.randrange(60))))


class ContactPlanner:
    def __init__(self, authority: Authority, profile: Profile, rng: Random, today: date, start: date, calendar):
        self.a, self.p, self.rng, self.today, self.start, self.calendar = (authority, profile, rng, today, start,
                                                                           calendar)
        self.now = timezone.now()

    def plan(self, episodes: list[PlannedEpisode], total: int) -> list[PlannedContact]:
        referrals = [e for e in episodes if e.referral >= self.start]
        contacts = [self._for_referral(e) for e in referrals]
        others = max(0, total - len(contacts))
        contacts += self._others(others, episodes)
        contacts = [c for c in contacts if c.received_at <= self.now]
        self._decide(contacts)
        self._flags(contacts, episodes)
        return contacts

    def _for_referral(self, episode: PlannedEpisode) -> PlannedContact:
        police = self.rng.random() < self.p.police_of_referrals
        moment = _moment(self.rng, episode.referral, police)
        channel = "police_notification" if police else self._channel()
        outcome = "strategy" if self.rng.random() < self.p.strategy_share else "referral"
        return PlannedContact(episode.child, min(moment, self.now), channel, outcome, episode)

    def _channel(self) -> str:
        return "online_form" if self.a.partners and self.rng.random() < self.p.online_share else "screener"

    def _others(self, count: int, episodes: list[PlannedEpisode]) -> list[PlannedContact]:
        spans = defaultdict(list)
        for e in episodes:
            spans[e.child].append(e)
        known, everyone = self.a.known, list(self.a.children)
        span = (self.today - self.start).days
        planned: list[PlannedContact] = []
        for _ in range(count):
            if planned and self.rng.random() < self.p.repeat_share:
                before = self.rng.choice(planned)
                child, day = before.child, before.received_on + timedelta(days=self.rng.randrange(20, 330))
                if day > self.today:
                    day = self.start + timedelta(days=self.rng.randrange(span + 1))
            else:
                # About a third of contacts are about children already known to children's social care.
                child = self.rng.choice(known if known and self.rng.random() < 0.35 else everyone)
                day = self.start + timedelta(days=self.rng.randrange(span + 1))
            born = self.a.children[child].born
            if born and day < born - timedelta(days=150):
                day = min(self.today, born)
            police = self.rng.random() < self.p.police_of_others
            during = next((e for e in spans.get(child, [])
                           if e.referral < day and (e.closure is None or day < e.closure)), None)
            weights = self.p.police_outcomes if police else self.p.outcomes
            outcome = "existing" if during else self.rng.choices(list(weights), list(weights.values()))[0]
            planned.append(PlannedContact(child, _moment(self.rng, day, police),
                                          "police_notification" if police else self._channel(), outcome, during))
        return planned

    def _decide(self, contacts: list[PlannedContact]) -> None:
        recent = self.today - timedelta(days=30)
        for c in contacts:
            day = c.received_on
            referral = c.outcome in ("referral", "strategy")
            if not referral and (day == self.today and self.rng.random() < 0.6 or (
                    day >= recent and self.rng.random() < self.p.backlog_share)):
                c.proposed_only = c.outcome in DEFAULT_AUTHORISATION and self.rng.random() < 0.3
                continue
            if self.rng.random() < self.p.on_time:
                decided = day if self.rng.random() < 0.7 else self.calendar.add_working_days(day, 1)
            else:
                decided = self.calendar.add_working_days(day, 1 + self.rng.randrange(1, 7))
            c.decided_on = min(decided, self.today)

    def _flags(self, contacts: list[PlannedContact], episodes: list[PlannedEpisode]) -> None:
        days: dict[int, list[date]] = defaultdict(list)
        for c in contacts:
            days[c.child].append(c.received_on)
        for d in days.values():
            d.sort()
        referrals: dict[int, list[date]] = defaultdict(list)
        for e in episodes:
            referrals[e.child].append(e.referral)
        for r in referrals.values():
            r.sort()
        for c in contacts:
            mine = days[c.child]
            c.contacts_in_year = bisect_right(mine, c.received_on) - bisect_left(mine, c.received_on - YEAR)
            own = c.episode.referral if c.episode and c.outcome in ("referral", "strategy") else None
            earlier = [r for r in referrals[c.child] if c.received_on - YEAR <= r <= c.received_on and r != own]
            c.rereferral = max(earlier) if earlier else None
