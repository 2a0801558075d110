"""The timescales an episode starts: the assessment is due 45 working days from the referral date
(before 15 April 2013, the legacy initial assessment in 7). Met on the date a manager authorised
the first assessment of that kind; its late reason travels with it. Withdrawn if the episode closes
first."""

from collections.abc import Iterable

from lantern.obligations.registry import ObligationSpec, register_source
from lantern.timescales.rules import rules_in_force

from .models import Episode

SOURCE = "referrals.episode"
# Which kind of assessment meets which rule (lantern.assessments.models.AssessmentKind values).
ASSESSMENT_KIND_FOR_RULE = {"single_assessment": "single", "initial_assessment": "initial"}


def _first_authorised(episode: Episode, kind: str):
    done = [a for a in episode.assessments.all() if a.kind == kind and a.authorised_on]
    return min(done, key=lambda a: (a.authorised_on, a.pk), default=None)


def episode_obligations(episodes: Iterable[Episode]) -> Iterable[ObligationSpec]:
    for episode in episodes:
        if episode.referral_nfa:
            continue
        in_force = {rule.id for rule in rules_in_force(episode.referral_date)}
        for rule_id, kind in ASSESSMENT_KIND_FOR_RULE.items():
            if rule_id not in in_force:
                continue
            done = _first_authorised(episode, kind)
            yield ObligationSpec(
                source_id=episode.pk, rule_id=rule_id, child_id=episode.child_id,
                start_date=episode.referral_date, met_on=done.authorised_on if done else None,
                late_reason=done.late_reason if done else "",
                link=f"/children/{episode.child_id}/episodes/{episode.pk}/",
                withdrawn_on=episode.closure_date,
            )


register_source(SOURCE, model=Episode, build=episode_obligations,
                select=lambda qs: qs.prefetch_related("assessments"))
