"""The child protection section of the child's summary (access section "protection": partners see
the conferences and plans they are part of) and of the episode page."""

from lantern.access.policy import has_permission
from lantern.people.panels import Panel
from lantern.referrals.episode_panels import EpisodePanel
from lantern.referrals.models import Episode

from .selectors import child_protection


def _context(request, child, episode, records) -> dict:
    user = request.user
    return {**records, "episode": episode,
            "can_record_strategy": episode is not None and episode.is_open and not episode.referral_nfa
            and has_permission(user, "strategy.record"),
            "casework": has_permission(user, "protection.casework")}


def child_context(*, request, child, today) -> dict:
    episode = Episode.objects.filter(child=child, closure_date__isnull=True, referral_nfa=False).first()
    return _context(request, child, episode, child_protection(request.user, child))


def episode_context(*, request, child, episode, today) -> dict:
    return _context(request, child, episode, child_protection(request.user, child, episode=episode))


PROTECTION_PANEL = Panel(key="protection", title="Child protection", template="protection/panel.html",
                         context=child_context, section="protection", order=20)
EPISODE_PANEL = EpisodePanel(key="protection", title="Child protection", template="protection/panel.html",
                             context=episode_context, order=30)


CHILD_PANELS = (PROTECTION_PANEL,)
EPISODE_PANELS = (EPISODE_PANEL,)
