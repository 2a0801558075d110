"""Planning one child's episodes: the referral, transfers at each change of team or worker, the
assessment (late or not, by profile), what it concluded, and how the episode closed."""

from datetime import date, timedelta
from random import Random

from dateutil.relativedelta import relativedelta

from lantern.assessments.models import Assessment, AssessmentFactor, ParentCarerEngagement
from lantern.people.codes import MALE_CARER_TYPES
from lantern.timescales.catalogue import SINGLE_ASSESSMENT_FROM

from ..models import Episode, Transfer, TransferStatus
from . import text
from .casework import plan_casework
from .closure import close_episode
from .inputs import Inputs, Spell
from .profile import Profile
from .rows import Rows

SOURCES = ("2A", "2A", "3A", "3B", "3E", "6", "6", "6", "1A", "5A", "8", "9")
NEEDS = ("N1", "N1", "N1", "N2", "N3", "N4", "N4", "N5", "N6", "N7", "N8")
FACTORS = ("3B", "3B", "4B", "4B", "1B", "2B", "16A", "17A", "3A", "4A", "5B", "6B", "14A", "10A", "11A")
CSC_ONLY_ASSESSMENT = "referral_assessment"


def _census_year(day: date) -> int:
    """The collection year a day falls in, named by the year of its 31 March."""
    return day.year if day.month <= 3 else day.year + 1


class JourneyPlanner:
    def __init__(self, rng: Random, profile: Profile, inputs: Inputs, today: date, due):
        self.rng, self.p, self.inputs, self.today, self.due = rng, profile, inputs, today, due
        self.rows = Rows()

    def manager(self, team: int) -> int:
        manager = self.inputs.managers.get(team) or self.inputs.fallback_manager
        assert manager is not None  # every synthetic authority has managers
        return manager

    def child(self, child_id: int) -> None:
        previous: Episode | None = None
        for chain in self.inputs.chains[child_id]:
            episode = self._episode(child_id, chain, previous)
            if episode is not None:
                previous = episode

    def _episode(self, child_id: int, chain: list[Spell], previous: Episode | None) -> Episode | None:
        continued = getattr(chain, "episode", None)
        if continued is not None:
            return self._casework(continued, chain, continued.referral_date, continued.closure_date, previous)
        rng, (dob, edd, _, _) = self.rng, self.inputs.children[child_id]
        born = dob or edd
        referral = chain[0].start - timedelta(days=rng.randint(0, 3))
        if previous is not None:
            referral = max(referral, previous.closure_date or referral)
        if born:
            referral = max(referral, born - timedelta(days=270))
        last = chain[-1]
        closure = last.end
        if closure is not None and closure < referral:
            return None
        episode = Episode(child_id=child_id, referral_date=referral, referral_source=rng.choice(SOURCES),
                          primary_need=rng.choice(NEEDS), team_id=last.team, worker_id=last.worker,
                          created_by_id=chain[0].worker or self.manager(chain[0].team))
        self.rows.episodes.append(episode)
        return self._casework(episode, chain, referral, closure, previous)

    def _casework(self, episode: Episode, chain: list[Spell], referral: date, closure: date | None,
                  previous: Episode | None) -> Episode:
        if episode.pk is not None:
            self.rows.continued.append(episode)
        back_soon = previous is not None and previous.stepped_down and previous.closure_date is not None and (
            referral <= previous.closure_date + relativedelta(months=3))
        if back_soon:
            self.rows.returns.append((episode, previous))
        self._transfers(episode, chain)
        end = closure or self.today
        assessment = self._assessment(episode, chain, referral, end, first=True)
        outcome = assessment.outcome if assessment.authorised_on else ""
        plan = plan_casework(self, episode, assessment, end, closure is not None) if outcome == "cin_plan" else None
        self._repeat_assessment(episode, chain, assessment, end)
        self._no_factors_only_when_closed_in_year(assessment, closure)
        if closure is not None:
            close_episode(self, episode, chain, closure, outcome, plan)
        return episode

    def _transfers(self, episode: Episode, chain: list[Spell]) -> None:
        for before, after in zip(chain, chain[1:], strict=False):
            same_team = before.team == after.team
            self.rows.transfers.append(Transfer(
                episode=episode, child_id=episode.child_id, from_team_id=before.team, from_worker_id=before.worker,
                to_team_id=after.team, to_worker_id=after.worker, transfer_date=after.start,
                summary="Change of worker within the team." if same_team else "Assessment complete; long-term "
                "child in need work moves to the care management team.",
                risk_evaluation=self.rng.choice(text.CLOSE_RISK), status=TransferStatus.APPROVED,
                proposed_by_id=before.worker or self.manager(before.team), decided_by_id=self.manager(before.team),
                decided_on=after.start, decision_rationale="Agreed: the summary and risk evaluation are clear."))

    def _assessment(self, episode, chain, start_from: date, end: date, *, first: bool, reason: str = ""):
        rng, p = self.rng, self.p
        started = min(start_from + timedelta(days=rng.randint(0, 3)), end)
        wd = rng.randint(*(p.late_wd if rng.random() < p.assessment_late else p.on_time_wd))
        authorised = min(self.due.add_wd(episode.referral_date if first else started, wd), end)
        done = authorised <= self.today and (authorised < end or chain[-1].end is not None)
        legacy = episode.referral_date < SINGLE_ASSESSMENT_FROM
        a = Assessment(episode=episode, child_id=episode.child_id, kind="initial" if legacy else "single",
                       started_on=started, reassessment_reason=reason, created_by_id=chain[0].worker)
        self._answers(a, chain, done)
        if done:
            a.status, a.authorised_on = "authorised", max(authorised, started)
            a.authorised_by_id, a.submitted_by_id, a.submitted_on = self.manager(chain[0].team), a.created_by_id, \
                a.authorised_on
            a.authorisation_rationale = "Analysis is clear and the outcome follows from it."
            a.outcome = self._outcome(chain) if first else "cin_plan"
            self._no_factors_only_when_nfa(a)
            a.outcome_reasons = "The needs found call for this, as the analysis explains."
            rule = "initial_assessment" if legacy else "single_assessment"
            if first and a.authorised_on > self.due(rule, episode.referral_date):
                a.late_reason = rng.choice(("Family unavailable for three weeks.", "Worker off sick; no cover.",
                                            "Waiting for the police check."))
        self.rows.assessments.append(a)
        return a

    def _no_factors_only_when_nfa(self, a: Assessment) -> None:
        """Factor 21 ("no factors identified") fits only an assessment that ends the episode with
        no further action (census rule 8873); any other outcome found something."""
        last = self.rows.factors[-1] if self.rows.factors else None
        if a.outcome != "nfa" and last is not None and last.assessment is a and last.code == "21":
            last.code = self.rng.choice(FACTORS)

    def _no_factors_only_when_closed_in_year(self, a: Assessment, closure: date | None) -> None:
        """Census rule 8873 wants RC8 on an episode whose one assessment found no factors, in every
        return the episode is in; an episode still open at the year's end has none. So factor 21
        stays only when the episode closes in the collection year the assessment ended in; a
        family kept open longer had something found after all."""
        if a.authorised_on and closure is not None and _census_year(closure) == _census_year(a.authorised_on):
            return
        for factor in self.rows.factors[-10:]:  # this assessment's factors are among the last few made
            if factor.assessment is a and factor.code == "21":
                factor.code = self.rng.choice(FACTORS)

    def _outcome(self, chain: list[Spell]) -> str:
        if any(s.kind != CSC_ONLY_ASSESSMENT for s in chain):
            return "cin_plan"
        roll = self.rng.random()
        return "nfa" if roll < 0.45 else "early_help" if roll < 0.75 else "cin_plan"

    def _answers(self, a: Assessment, chain, complete: bool) -> None:
        rng, p = self.rng, self.p
        dob, edd, name, language = self.inputs.children[a.child_id]
        if dob is None:
            a.not_seen_alone_reason = "Unborn: pre-birth assessment."
        else:
            a.child_seen_on = min(a.started_on + timedelta(days=rng.randint(0, 5)), self.today)
            alone = (a.child_seen_on - dob).days > 4 * 365 and rng.random() < p.seen_alone
            a.seen_alone, a.not_seen_alone_reason = alone, "" if alone else rng.choice(text.NOT_ALONE)
        words = rng.random() < p.child_words
        a.child_views = rng.choice(text.VIEWS if words else text.VIEWS_DESCRIBED)
        if not complete:
            return
        a.identity_needs = rng.choice(text.IDENTITY).format(name=name, language=language or "English")
        a.history_considered = rng.choice(text.HISTORY).format(year=a.started_on.year - 2)
        analytic = rng.random() < p.analytic
        a.risks, a.protective_factors = rng.choice(text.RISKS), rng.choice(text.STRENGTHS)
        a.analysis = rng.choice(text.ANALYSIS if analytic else text.DESCRIPTIVE)
        parents = self.inputs.parents.get(a.child_id, [])
        if not parents:
            a.parents_note = "No parent or carer is recorded; the family's network is still being identified."
        for person, kind in parents:
            male = kind in MALE_CARER_TYPES
            engaged = rng.random() < (p.father_engaged if male else p.mother_engaged)
            note = "Took part in two home visits." if engaged else rng.choice(text.FATHER_NOT_ENGAGED)
            self.rows.engagements.append(ParentCarerEngagement(assessment=a, person_id=person, engaged=engaged,
                                                               note=note, is_male_carer=male, relationship_type=kind))
        codes = ["21"] if rng.random() < 0.08 else sorted(set(rng.sample(FACTORS, rng.randint(1, 3))))
        self.rows.factors.extend(AssessmentFactor(assessment=a, code=c) for c in codes)

    def _repeat_assessment(self, episode, chain, assessment, end: date) -> None:
        """The inspected authority's habit: a new team assesses the family again."""
        moved = [s for s in chain[1:] if s.kind != CSC_ONLY_ASSESSMENT and s.team != chain[0].team]
        if not moved or not assessment.authorised_on or self.rng.random() >= self.p.repeat_assessment:
            return
        # Not while the first is open (the services refuse that): once it is authorised.
        start = max(moved[0].start, assessment.authorised_on + timedelta(days=self.rng.randint(1, 10)))
        if start >= end:
            return
        self._assessment(episode, moved, start, end, first=False,
                         reason="Transferred to the care management team, which assesses every new family.")
