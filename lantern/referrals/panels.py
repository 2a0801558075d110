"""The episodes panel on the child's summary page: every referral, open or closed, one click from
its episode page, with the way to record a referral and to read the chronology."""

from lantern.access.policy import has_permission
from lantern.people.panels import Panel

from .models import Episode


def episodes_context(*, request, child, today) -> dict:
    return {
        "episodes": list(Episode.objects.filter(child=child).select_related("team", "worker")),
        "can_record": has_permission(request.user, "referral.record"),
        "can_see_chronology": has_permission(request.user, "chronology.view"),
    }


# Partner agencies do not see casework; "timescales" is the section they lack that matches best
# until the access table has a section of its own for social care work.
EPISODES_PANEL = Panel(key="episodes", title="Referrals and child in need episodes",
                       template="referrals/child_panel.html", context=episodes_context, section="casework",
                       order=10)


CHILD_PANELS = (EPISODES_PANEL,)
