"""Which referrals (child in need episodes) the front door's contacts led to.

If the authority has no episodes yet (the front door stage runs before the referrals stage), each run
of children's social care allocations becomes an episode, and short assessed-then-closed episodes are
added for other children until referrals are the profile's share of contacts, with the profile's
share of re-referrals within 12 months. The invariants the episode services keep are kept here too:
a child's episodes never overlap, only the latest can be open, none starts more than 280 days before
birth. If episodes already exist, they are used as they are."""

from dataclasses import dataclass
from datetime import date, timedelta
from random import Random

from .source import Authority

YEAR = timedelta(days=365)
NEEDS = (("N1", 55), ("N4", 15), ("N2", 8), ("N5", 8), ("N3", 4), ("N6", 3), ("N8", 2), ("N9", 2), ("N0", 2),
         ("N7", 1))
SHORT_CLOSURES = (("RC8", 60), ("RC9", 25), ("RC7", 15))


@dataclass
class PlannedEpisode:
    child: int
    referral: date
    closure: date | None
    reason: str
    need: str
    team: int | None
    worker: int | None
    pk: int | None = None  # an episode already in the database
    new_allocation: bool = False  # made here for a child with no allocation for it: add one


def pick(rng: Random, weighted) -> str:
    return rng.choices([v for v, _ in weighted], weights=[w for _, w in weighted])[0]


def _runs(allocations: list[tuple]) -> list[tuple]:
    """Merge back-to-back allocations (assessment then care management) into one episode each."""
    runs: list[list] = []
    for team, worker, start, end in allocations:
        if runs and (runs[-1][3] is None or start <= runs[-1][3]):
            last = runs[-1]
            last[3] = None if end is None or last[3] is None else max(last[3], end)
        else:
            runs.append([team, worker, start, end])
    return [tuple(r) for r in runs]


class EpisodePlanner:
    def __init__(self, authority: Authority, rng: Random, today: date, start: date):
        self.a, self.rng, self.today, self.start = authority, rng, today, start
        self.by_child: dict[int, list[PlannedEpisode]] = {}

    def existing(self) -> list[PlannedEpisode]:
        return [PlannedEpisode(child, referral, closure, "", "", None, None, pk=pk)
                for pk, child, referral, closure in self.a.episodes]

    def plan(self, target: int, rereferral_share: float) -> list[PlannedEpisode]:
        for child, allocations in self.a.allocations.items():
            self.by_child[child] = [self._derived(child, run) for run in _runs(allocations)]
        window = [e for eps in self.by_child.values() for e in eps if e.referral >= self.start]
        wanted = round(rereferral_share * target)
        have = sum(1 for e in window if self._previous_within_year(e))
        count = len(window)
        candidates = [e for e in window if not self._previous_within_year(e)]
        self.rng.shuffle(candidates)
        for episode in candidates:
            if have >= wanted or count >= target:
                break
            if self._add_before(episode):
                have, count = have + 1, count + 1
        fresh = [pk for pk, c in self.a.children.items() if pk not in self.by_child and c.team is None]
        self.rng.shuffle(fresh)
        for child in fresh:
            if count >= target:
                break
            made = self._fresh(child, pair=have < wanted)
            count += made
            have += made - 1 if made == 2 else 0
        return [e for eps in self.by_child.values() for e in eps]

    def _derived(self, child: int, run: tuple) -> PlannedEpisode:
        team, worker, start, end = run
        born = self.a.children[child].born
        if born and start < born - timedelta(days=270):  # census rule 8606: at most 280 days before birth
            start = min(born - timedelta(days=270), end or born)
        reason = "" if end is None else ("RC7" if (end - start).days > 120 else pick(self.rng, SHORT_CLOSURES))
        return PlannedEpisode(child, start, end, reason, pick(self.rng, NEEDS), team, worker)

    def _previous_within_year(self, episode: PlannedEpisode) -> bool:
        return any(episode.referral - YEAR <= other.referral < episode.referral
                   for other in self.by_child.get(episode.child, []) if other is not episode)

    def _short(self, child: int, referral: date, latest_close: date | None) -> PlannedEpisode:
        team = self.rng.choice(list(self.a.assessment_teams)) if self.a.assessment_teams else None
        workers: list[int | None] = list(self.a.assessment_teams.get(team, [])) if team is not None else []
        workers = workers or [None]
        closure = referral + timedelta(days=self.rng.randrange(10, 46))
        if latest_close is not None:
            closure = min(closure, latest_close)
        is_open = closure > self.today
        return PlannedEpisode(child, referral, None if is_open else closure, "" if is_open else pick(
            self.rng, SHORT_CLOSURES), pick(self.rng, NEEDS), team, self.rng.choice(workers), new_allocation=True)

    def _add_before(self, episode: PlannedEpisode) -> bool:
        """A short earlier episode 2 to 11 months before, so this one is a re-referral."""
        others = self.by_child[episode.child]
        earlier_close = max((o.closure or o.referral for o in others if o.referral < episode.referral),
                            default=None)
        born = self.a.children[episode.child].born
        lowest = max(d for d in (episode.referral - timedelta(days=330), self.start - YEAR,
                                 earlier_close and earlier_close + timedelta(days=7),
                                 born and born - timedelta(days=150)) if d)
        highest = episode.referral - timedelta(days=60)
        if lowest > highest:
            return False
        referral = lowest + timedelta(days=self.rng.randrange((highest - lowest).days + 1))
        others.append(self._short(episode.child, referral, episode.referral - timedelta(days=7)))
        others.sort(key=lambda e: e.referral)
        return True

    def _fresh(self, child: int, *, pair: bool) -> int:
        born = self.a.children[child].born
        lowest = max(self.start, born - timedelta(days=150)) if born else self.start
        span = (self.today - lowest).days
        if span < 1:
            return 0
        first = self._short(child, lowest + timedelta(days=self.rng.randrange(span + 1)), None)
        self.by_child[child] = [first]
        if not pair or first.closure is None:
            return 1
        second_at = first.closure + timedelta(days=self.rng.randrange(20, 300))
        if second_at > self.today or second_at - first.referral >= YEAR:
            return 1
        self.by_child[child].append(self._short(child, second_at, None))
        return 2
