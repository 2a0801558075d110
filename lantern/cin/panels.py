"""The plan and closure sections of the episode page."""

from django.db.models import Count

from lantern.access.policy import has_permission
from lantern.referrals.episode_panels import EpisodePanel

from .models import CinPlan, Closure


def plans_context(*, request, child, episode, today) -> dict:
    plans = list(CinPlan.objects.filter(episode=episode).annotate(review_count=Count("reviews")))
    # Assessments that asked for a plan with none started after them (read through the episode).
    needing = [a for a in episode.assessments.filter(outcome="cin_plan", authorised_on__isnull=False)
               if not any(p.start_date >= a.authorised_on or p.end_date is None for p in plans)]
    return {"plans": plans, "needing_plan": needing if episode.is_open else [],
            "can_plan": has_permission(request.user, "cin_plan.edit")}


def closure_context(*, request, child, episode, today) -> dict:
    closures = list(Closure.objects.filter(episode=episode))
    return {"closures": closures,
            "can_propose": episode.is_open and has_permission(request.user, "closure.propose")
            and not any(c.is_pending for c in closures)}


PLANS_PANEL = EpisodePanel(key="cin_plans", title="Child in need plans", template="cin/episode_panel.html",
                           context=plans_context, order=20)
CLOSURE_PANEL = EpisodePanel(key="closure", title="Closure or step-down", template="cin/closure_panel.html",
                             context=closure_context, order=90)


EPISODE_PANELS = (PLANS_PANEL, CLOSURE_PANEL)
