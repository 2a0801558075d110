"""The assessments section of the episode page."""

from lantern.access.policy import has_permission
from lantern.referrals.episode_panels import EpisodePanel

from .codes import AssessmentStatus


def assessments_context(*, request, child, episode, today) -> dict:
    assessments = list(episode.assessments.select_related("authorised_by"))
    return {
        "assessments": assessments,
        "can_start": episode.is_open and not episode.referral_nfa and has_permission(request.user, "assessment.edit")
        and not any(a.status != AssessmentStatus.AUTHORISED for a in assessments),
    }


ASSESSMENTS_PANEL = EpisodePanel(key="assessments", title="Assessments", template="assessments/episode_panel.html",
                                 context=assessments_context, order=10)


EPISODE_PANELS = (ASSESSMENTS_PANEL,)
