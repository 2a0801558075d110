"""Reads for assessments, each through the access policy, in a fixed number of queries."""

from dataclasses import dataclass, field

from lantern.access.policy import OutOfReach, child_for, require_permission
from lantern.people.codes import PARENT_AND_CARER_TYPES
from lantern.people.models import Relationship
from lantern.referrals.models import Episode

from .models import Assessment
from .sections import SECTIONS, section_complete


def assessment_for(user, assessment_id: int, *, permission: str = "episode.view", for_change: bool = False):
    """(assessment, decision), or PermissionDenied; a missing id is refused like a hidden one."""
    require_permission(user, permission)
    assessment = Assessment.objects.select_related("episode", "authorised_by", "submitted_by").filter(
        pk=assessment_id).first()
    if assessment is None:
        raise OutOfReach("No assessment you can see has that ID")
    child, decision = child_for(user, assessment.child_id, for_change=for_change)
    assessment.child = child
    return assessment, decision


def parents_and_carers(child) -> list[Relationship]:
    """The child's current parents and carers; fathers and male carers are flagged (``is_male_carer``)
    so that no assessment can leave them out without saying why."""
    return list(Relationship.objects.filter(child=child, relationship_type__in=PARENT_AND_CARER_TYPES,
                                            end_date__isnull=True).select_related("relative")
                .order_by("relative__last_name", "relative__first_name"))


@dataclass
class Progress:
    assessment: Assessment
    parents: list[Relationship]
    engagements: dict  # person id -> ParentCarerEngagement
    factor_codes: list[str]
    states: list[tuple] = field(default_factory=list)  # (section, complete)

    @property
    def complete(self) -> bool:
        return all(done for _, done in self.states)

    @property
    def completed_count(self) -> int:
        return sum(1 for _, done in self.states if done)


def assessment_progress(assessment: Assessment) -> Progress:
    parents = parents_and_carers(assessment.child)
    engagements = {e.person_id: e for e in assessment.engagements.select_related("person")}
    codes = sorted(assessment.factors.values_list("code", flat=True))
    progress = Progress(assessment, parents, engagements, codes)
    progress.states = [(s, section_complete(s.key, assessment, parents=parents, engagements=engagements,
                                            factor_codes=codes)) for s in SECTIONS]
    return progress


def history_for(assessment: Assessment) -> list[Episode]:
    """The child's other episodes, with their assessments and plans, shown beside the history
    section so that what happened before is in front of the worker as they write."""
    return list(Episode.objects.filter(child_id=assessment.child_id).exclude(pk=assessment.episode_id)
                .prefetch_related("assessments", "cin_plans").order_by("-referral_date"))
