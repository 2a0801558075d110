"""What the journeys are planned from, read once from the synthetic authority: children known to
children's social care, their allocation history grouped into episodes, their parents and carers,
and the staff who manage, work and accept step-downs."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from lantern.accounts.models import Team, User
from lantern.accounts.roles import Role, TeamKind
from lantern.assessments.models import Assessment
from lantern.people.codes import PARENT_AND_CARER_TYPES
from lantern.people.models import Allocation, Person, Relationship

from ..models import Episode

CSC_KINDS = frozenset({TeamKind.REFERRAL_ASSESSMENT, TeamKind.CARE_MANAGEMENT, TeamKind.CHILDREN_WITH_DISABILITIES})


@dataclass(frozen=True)
class Spell:
    """One allocation: a team (and maybe a worker) from start to end."""

    team: int
    kind: str
    worker: int | None
    start: date
    end: date | None


class EpisodeChain(list):
    """The allocation spell of an episode another stage already opened (the front door's): the
    journey continues that episode instead of opening its own."""

    def __init__(self, spells, episode: Episode):
        super().__init__(spells)
        self.episode = episode


@dataclass
class Inputs:
    children: dict[int, tuple]  # id -> (date of birth, expected date of birth, first name, first language)
    chains: dict[int, list[list[Spell]]]  # child -> episodes, each a run of back-to-back allocations
    parents: dict[int, list[tuple[int, str]]] = field(default_factory=dict)  # child -> [(person, relationship)]
    managers: dict[int, int] = field(default_factory=dict)  # team -> manager
    early_help: list[tuple[int, list[int]]] = field(default_factory=list)  # (team, practitioners)
    fallback_manager: int | None = None


def _chains(spells: list[Spell]) -> list[list[Spell]]:
    chains: list[list[Spell]] = []
    current: list[Spell] = []
    for s in spells:
        if s.kind in CSC_KINDS and current and current[-1].end == s.start:
            current.append(s)
            continue
        if current:
            chains.append(current)
        current = [s] if s.kind in CSC_KINDS else []
    if current:
        chains.append(current)
    return chains


def _continued_chains(kinds: dict[int, str]) -> dict[int, list[list[Spell]]]:
    """Episodes another stage opened with no assessment yet, as one-spell chains to continue."""
    assessed = Assessment.objects.values("episode_id")
    chains: dict[int, list[list[Spell]]] = defaultdict(list)
    # Older episodes too: an episode closed as "after assessment" (RC8/RC9) must have its assessment.
    opened = (Episode.objects.filter(referral_nfa=False, team__isnull=False).exclude(pk__in=assessed)
              .order_by("child_id", "referral_date", "pk"))
    for episode in opened.iterator(chunk_size=5000):
        team = episode.team_id
        assert team is not None  # only episodes with a team were read
        spell = Spell(team, kinds[team], episode.worker_id, episode.referral_date, episode.closure_date)
        chains[episode.child_id].append(EpisodeChain([spell], episode))
    return chains


def load_inputs(earliest: date) -> Inputs:
    """Children who already have an episode (another stage made them) get those episodes
    continued, not new ones from their allocations."""
    kinds = dict(Team.objects.values_list("id", "kind"))
    taken = set(Episode.objects.values_list("child_id", flat=True).distinct())
    spells: dict[int, list[Spell]] = defaultdict(list)
    rows = Allocation.objects.filter(child__is_child_record=True).order_by("child_id", "start_date", "id")
    for child, team, worker, start, end in rows.values_list("child_id", "team_id", "worker_id", "start_date",
                                                             "end_date").iterator(chunk_size=5000):
        if child not in taken:
            spells[child].append(Spell(team, kinds[team], worker, start, end))
    chains: dict[int, list[list[Spell]]] = {}
    for child, own in spells.items():
        kept = [c for c in _chains(own) if c[-1].end is None or c[-1].end >= earliest]
        if kept:
            chains[child] = kept
    chains.update(_continued_chains(kinds))
    facts = {pk: rest for pk, *rest in Person.objects.filter(pk__in=list(chains)).values_list(
        "pk", "date_of_birth", "expected_date_of_birth", "first_name", "first_language").iterator(chunk_size=5000)}
    inputs = Inputs(children={pk: tuple(v) for pk, v in facts.items()}, chains=chains)
    links = Relationship.objects.filter(child_id__in=list(chains), relationship_type__in=PARENT_AND_CARER_TYPES,
                                        end_date__isnull=True)
    for child, relative, kind in links.values_list("child_id", "relative_id", "relationship_type").iterator(
            chunk_size=5000):
        inputs.parents.setdefault(child, []).append((relative, kind))
    _staff(inputs, kinds)
    return inputs


def _staff(inputs: Inputs, kinds: dict[int, str]) -> None:
    practitioners: dict[int, list[int]] = defaultdict(list)
    for uid, team, role in User.objects.filter(is_active=True, team__isnull=False).values_list("id", "team_id", "role"):
        if role == Role.TEAM_MANAGER:
            inputs.managers.setdefault(team, uid)
        elif role == Role.SERVICE_MANAGER and inputs.fallback_manager is None:
            inputs.fallback_manager = uid
        elif role == Role.EARLY_HELP_PRACTITIONER:
            practitioners[team].append(uid)
    inputs.early_help = [(t, practitioners[t]) for t, k in sorted(kinds.items())
                         if k == TeamKind.EARLY_HELP and practitioners[t]]
    if inputs.fallback_manager is None and inputs.managers:
        inputs.fallback_manager = next(iter(inputs.managers.values()))
