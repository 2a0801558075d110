"""Which children are known to children's social care and early help, who holds them, and which
other professionals are involved.

About 2.5% of children are open to a referral and assessment, care management or children with
disabilities team (about 5% of those still waiting for a worker), about 1% to early help, and a
further ~6% have only closed allocations from past episodes. Open children carry histories
(assessment then care management, changes of worker) and 1-3 involved professionals."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from random import Random

from lantern.accounts.roles import TeamKind

from .involvements import InvolvementPlanner
from .organisation import Organisation
from .people import Population

K = TeamKind
OPEN_SHARE, EARLY_HELP_SHARE, HISTORY_SHARE, RESTRICTED_SHARE = 0.025, 0.01, 0.06, 0.0005
UNALLOCATED_SHARE = 0.05
CHANGE_REASONS = ("Change of worker: previous worker left the team", "Change of worker: caseload balancing",
                  "Change of worker: worker on long-term leave", "Change of worker: family asked for a new worker")
EH_REASONS = ("Early help: stepped down from children's social care", "Early help: family asked for support",
              "Early help: referred by school")


@dataclass
class CaseworkPlan:
    current: dict[int, tuple[int, int | None]] = field(default_factory=dict)  # child -> (team, worker)
    # (child, team, worker, start, end, reason), oldest first for each child
    allocations: list[tuple[int, int, int | None, date, date | None, str]] = field(default_factory=list)
    involvements: list[tuple] = field(default_factory=list)
    restricted: list[int] = field(default_factory=list)
    named: list[tuple[int, int, int]] = field(default_factory=list)  # (child, user, granted by)


class CaseworkPlanner:
    def __init__(self, rng: Random, today: date, population: Population, org: Organisation):
        self.rng, self.today, self.population, self.org = rng, today, population, org
        self.teams: dict[str, list[int]] = {}
        for team_id, kind in sorted(org.kinds.items()):
            self.teams.setdefault(kind, []).append(team_id)
        self.plan = CaseworkPlan()
        self.involvements = InvolvementPlanner(rng, today, org.agencies, self.plan.involvements)

    def build(self) -> CaseworkPlan:
        rng, people = self.rng, self.population.people
        children = [i for i, p in enumerate(people) if p.is_child]
        rng.shuffle(children)
        n = len(children)
        n_open, n_eh, n_past = max(1, round(n * OPEN_SHARE)), round(n * EARLY_HELP_SHARE), round(n * HISTORY_SHARE)
        open_csc = sorted(children[:n_open])
        early_help = sorted(children[n_open:n_open + n_eh])
        past = sorted(children[n_open + n_eh:n_open + n_eh + n_past])
        for child in open_csc:
            self._open(child)
        for child in early_help:
            self._early_help(child)
        for child in past:
            self._history(child, self.today - timedelta(days=30))
        allocated = [c for c in open_csc if self.plan.current[c][1] is not None]
        for child in sorted(rng.sample(allocated, min(len(allocated), max(1, round(n * RESTRICTED_SHARE))))):
            team, worker = self.plan.current[child]
            assert worker is not None
            self.plan.restricted.append(child)
            manager = self.org.managers.get(team)
            self.plan.named.append((child, worker, manager or worker))
            if manager and manager != worker:
                self.plan.named.append((child, manager, manager))
        return self.plan

    def _team(self, kind: str) -> int:
        return self.rng.choice(self.teams.get(kind) or self.teams[K.REFERRAL_ASSESSMENT])

    def _worker(self, team: int, avoid: int | None = None) -> int | None:
        pool = self.org.workers.get(team) or self.org.practitioners.get(team) or []
        choices = [w for w in pool if w != avoid] or pool
        return self.rng.choice(choices) if choices else None

    def _allocate(self, child, team, worker, start, end, reason) -> None:
        self.plan.allocations.append((child, team, worker, start, end, reason))
        if end is None:
            self.plan.current[child] = (team, worker)

    def _open(self, child: int) -> None:
        rng, today = self.rng, self.today
        person = self.population.people[child]
        earliest = (person.dob or today) - timedelta(days=150)
        disabled = person.disabilities != ("NONE",)
        if person.dob is None:
            kind = K.REFERRAL_ASSESSMENT if rng.random() < 0.7 else K.CARE_MANAGEMENT
        elif disabled and rng.random() < 0.5:
            kind = K.CHILDREN_WITH_DISABILITIES
        else:
            kind = K.REFERRAL_ASSESSMENT if rng.random() < 0.38 else K.CARE_MANAGEMENT
        team = self._team(kind)
        if kind == K.REFERRAL_ASSESSMENT:
            start = today - timedelta(days=rng.randrange(0, 70))
            reason = "Pre-birth assessment" if person.dob is None else "Referral accepted: child and family assessment"
        else:
            start = today - timedelta(days=rng.randrange(30, 1100 if kind == K.CARE_MANAGEMENT else 1800))
            reason = "Allocated for child in need or child protection planning"
        start = max(start, earliest)
        episode_start = start
        if kind != K.REFERRAL_ASSESSMENT and rng.random() < (0.8 if kind == K.CARE_MANAGEMENT else 0.4):
            assessed = start - timedelta(days=rng.randrange(20, 66))
            if assessed >= earliest:
                ra = self._team(K.REFERRAL_ASSESSMENT)
                self._history(child, assessed - timedelta(days=30), chance=0.2)
                self._allocate(child, ra, self._worker(ra), assessed, start, "Referral accepted: child and family "
                               "assessment")
                reason, episode_start = "Transferred from assessment to care management", assessed
        elif rng.random() < 0.2:
            self._history(child, start - timedelta(days=30))
        worker = self._worker(team) if rng.random() >= UNALLOCATED_SHARE else None
        days_open = (today - start).days
        if worker and days_open > 14 and rng.random() < (0.1 if kind == K.REFERRAL_ASSESSMENT else 0.35):
            change = start + timedelta(days=rng.randrange(7, days_open))
            self._allocate(child, team, worker, start, change, reason)
            start, reason, worker = change, rng.choice(CHANGE_REASONS), self._worker(team, avoid=worker)
        if worker is None:
            reason = f"{reason} (awaiting allocation to a worker)"
        self._allocate(child, team, worker, start, None, reason)
        self.involvements.for_open_child(child, person, episode_start, rng.randrange(1, 4))

    def _early_help(self, child: int) -> None:
        rng, person = self.rng, self.population.people[child]
        team = self._team(K.EARLY_HELP)
        start = max(self.today - timedelta(days=rng.randrange(0, 365)),
                    (person.dob or self.today) - timedelta(days=90))
        self._allocate(child, team, self._worker(team), start, None, rng.choice(EH_REASONS))
        self.involvements.for_open_child(child, person, start, rng.randrange(1, 3))

    def _history(self, child: int, latest_end: date, chance: float = 1.0) -> None:
        """One or two closed episodes, all ended by ``latest_end``."""
        rng = self.rng
        person = self.population.people[child]
        if person.dob is None or rng.random() >= chance:
            return
        cursor = person.dob + timedelta(days=30)
        for _ in range(1 if rng.random() < 0.75 else 2):
            room = (latest_end - cursor).days - 90
            if room <= 0:
                return
            start = cursor + timedelta(days=rng.randrange(room))
            if rng.random() < 0.3:
                team = self._team(K.EARLY_HELP)
                end = min(start + timedelta(days=rng.randrange(60, 365)), latest_end)
                self._allocate(child, team, self._worker(team), start, end, rng.choice(EH_REASONS))
            else:
                team = self._team(K.REFERRAL_ASSESSMENT)
                end = min(start + timedelta(days=rng.randrange(10, 60)), latest_end)
                self._allocate(child, team, self._worker(team), start, end,
                               "Referral accepted: child and family assessment")
                if rng.random() < 0.4 and (latest_end - end).days > 90:
                    cm = self._team(K.CARE_MANAGEMENT)
                    later = min(end + timedelta(days=rng.randrange(60, 700)), latest_end)
                    self._allocate(child, cm, self._worker(cm), end, later,
                                   "Transferred from assessment to care management")
                    end = later
            cursor = end + timedelta(days=rng.randrange(30, 400))
