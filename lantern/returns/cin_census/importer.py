"""Census records -> Lantern's records, in one transaction, with bulk inserts.

The file has already passed the reader, the census errors and Lantern's own checks, so every
constraint holds; the services' invariants are kept by hand: name search keys for every child, an
allocation for a child with an open episode (when a team is given), and every deadline the new
records start computed by the statutory clock (``obligations_sync``) before the commit.

What the census does not carry is filled in plainly and marked as migrated: children are named
"Census child <LAchildID>" until their names are migrated; each Section 47 enquiry gets the
strategy discussion that started it on the same day; conferences and plans are recorded as chaired,
led and arranged by the person importing."""

from django.utils import timezone

from lantern.assessments.codes import AssessmentStatus
from lantern.assessments.models import Assessment, AssessmentFactor
from lantern.cin.models import CinPlan
from lantern.obligations.engine import obligations_sync
from lantern.obligations.registry import all_sources
from lantern.people.models import Allocation, NameKey, Person, PersonDisability
from lantern.people.search_keys import keys_for_person
from lantern.referrals.models import Episode

from .codes import SEX_FOR_GENDER
from .protection_import import ProtectionImport
from .records import Return
from .years import CollectionYear

MIGRATED = "Migrated from a CIN census return"
BATCH = 2000
SYNC_BATCH = 5000


class CensusImporter:
    def __init__(self, census: Return, *, actor, team=None, census_import=None):
        self.census, self.actor, self.team, self.census_import = census, actor, team, census_import
        self.year = CollectionYear(census.header.year)
        self.today = timezone.localdate()
        self.created: dict[type, list[int]] = {}
        self.counts: dict[str, int] = {}

    def _insert(self, model, rows: list, label: str) -> list:
        made = model.objects.bulk_create(rows, batch_size=BATCH)
        self.created.setdefault(model, []).extend(obj.pk for obj in made)
        self.counts[label] = self.counts.get(label, 0) + len(made)
        return made

    def run(self) -> dict[str, int]:
        children = self.census.children
        people = self._insert(Person, [self._person(c) for c in children], "children")
        self._child_rows(children, people)
        records = [e for child in children for e in child.episodes]
        rows = [self._episode(person, e) for child, person in zip(children, people, strict=True)
                for e in child.episodes]
        episodes = self._insert(Episode, rows, "episodes")
        pairs = list(zip(records, episodes, strict=True))
        self._assessments(pairs)
        self._cin_plans(pairs)
        ProtectionImport(self).run(pairs)
        self._sync_obligations()
        return self.counts

    # ---- people ---------------------------------------------------------------------------------

    def _sex(self, child) -> str:
        return child.sex if self.year.uses_sex else SEX_FOR_GENDER.get(child.gender_current, "U")

    def _is_open(self, child) -> bool:
        return any(e.closure_date is None for e in child.episodes)

    def _person(self, child) -> Person:
        holds = self.team is not None and self._is_open(child)
        return Person(first_name="Census child", last_name=child.la_child_id, date_of_birth=child.birth_date,
                      expected_date_of_birth=child.expected_birth_date, date_of_death=child.death_date,
                      sex=self._sex(child), ethnicity=child.ethnicity, upn=child.upn, is_child_record=True,
                      current_team=self.team if holds else None)

    def _child_rows(self, children, people) -> None:
        from lantern.returns.models import CensusChild

        keys, disabilities, identities, allocations = [], [], [], []
        for child, person in zip(children, people, strict=True):
            keys += [NameKey(person=person, key=k) for k in sorted(keys_for_person(person.first_name, "",
                                                                                    person.last_name, ""))]
            disabilities += [PersonDisability(person=person, code=code) for code in child.disabilities]
            identities.append(CensusChild(person=person, la_child_id=child.la_child_id, former_upn=child.former_upn,
                                          upn_unknown=child.upn_unknown, imported_by=self.census_import))
            if person.current_team_id:
                allocations.append(Allocation(child=person, team=self.team, start_date=self.today, reason=MIGRATED))
        self._insert(NameKey, keys, "name keys")
        self._insert(PersonDisability, disabilities, "disabilities")
        self._insert(CensusChild, identities, "census identities")
        self._insert(Allocation, allocations, "allocations")

    # ---- episodes, assessments and plans ----------------------------------------------------------

    def _episode(self, person, e) -> Episode:
        open_here = self.team is not None and e.closure_date is None
        return Episode(child=person, referral_date=e.referral_date, referral_source=e.referral_source,
                       primary_need=e.primary_need, referral_nfa=bool(e.nfa), closure_date=e.closure_date,
                       closure_reason=e.closure_reason, team=self.team if open_here else None, created_by=self.actor)

    def _assessments(self, pairs) -> None:
        from lantern.returns.models import CensusAssessment

        records, rows = [], []
        for e, episode in pairs:
            for a in e.assessments:
                records.append(a)
                rows.append(Assessment(
                    episode=episode, child_id=episode.child_id, started_on=a.start, authorised_on=a.authorised,
                    status=AssessmentStatus.AUTHORISED if a.authorised else AssessmentStatus.IN_PROGRESS,
                    created_by=self.actor))
        made = self._insert(Assessment, rows, "assessments")
        factors = [AssessmentFactor(assessment=m, code=code) for a, m in zip(records, made, strict=True)
                   for code in a.factors]
        self._insert(AssessmentFactor, factors, "assessment factors")
        reviews = [CensusAssessment(assessment=m, internal_review_date=a.internal_review)
                   for a, m in zip(records, made, strict=True) if a.internal_review]
        self._insert(CensusAssessment, reviews, "assessment review dates")

    def _cin_plans(self, pairs) -> None:
        rows = [CinPlan(episode=episode, child_id=episode.child_id, start_date=p.start, end_date=p.end,
                        outcomes=MIGRATED, created_by=self.actor) for e, episode in pairs for p in e.cin_plans]
        self._insert(CinPlan, rows, "child in need plans")

    # ---- deadlines -------------------------------------------------------------------------------

    def _sync_obligations(self) -> None:
        for source in all_sources():
            ids = self.created.get(source.model, [])
            for start in range(0, len(ids), SYNC_BATCH):
                obligations_sync(source.key, ids[start:start + SYNC_BATCH])


def import_census(census: Return, *, actor, team=None, census_import=None) -> dict[str, int]:
    """Create Lantern records for a checked return. Call inside a transaction."""
    return CensusImporter(census, actor=actor, team=team, census_import=census_import).run()

