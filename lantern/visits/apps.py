from django.apps import AppConfig


class VisitsConfig(AppConfig):
    name = "lantern.visits"
    label = "visits"
    verbose_name = "Statutory visits"

    def ready(self) -> None:
        from lantern.chronology.registry import register_kind
        from lantern.referrals.activity import register_activity
        from lantern.referrals.episode_panels import register_episode_panel

        from . import chronology, obligations  # noqa: F401  (obligations registers the plan's visits)
        from .panels import VISITS_PANEL

        register_kind("visit", "Visits", chronology.visit_events)
        register_activity("visits", chronology.visit_activities)
        register_episode_panel(VISITS_PANEL)
