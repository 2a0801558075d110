"""The visits section of the episode page."""

from lantern.access.policy import has_permission
from lantern.referrals.episode_panels import EpisodePanel

from .models import Visit

SHOWN = 10


def visits_context(*, request, child, episode, today) -> dict:
    visits = Visit.objects.filter(episode=episode)
    return {"visits": list(visits[:SHOWN]), "total": visits.count(),
            "can_record": episode.is_open and has_permission(request.user, "visit.record")}


VISITS_PANEL = EpisodePanel(key="visits", title="Visits", template="visits/episode_panel.html",
                            context=visits_context, order=30)


EPISODE_PANELS = (VISITS_PANEL,)
