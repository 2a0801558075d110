from django.apps import AppConfig


class CinConfig(AppConfig):
    name = "lantern.cin"
    label = "cin"
    verbose_name = "Child in need plans, reviews and closure"

    def ready(self) -> None:
        from lantern.chronology.registry import register_kind
        from lantern.referrals.activity import register_activity
        from lantern.referrals.episode_panels import register_episode_panel

        from . import chronology, obligations  # noqa: F401  (obligations registers the plan's reviews)
        from .panels import CLOSURE_PANEL, PLANS_PANEL

        register_kind("cin_plan", "Child in need plans", chronology.plan_events)
        register_kind("cin_review", "Child in need plan reviews", chronology.review_events)
        register_kind("closure_decision", "Closure and step-down decisions", chronology.closure_decision_events)
        register_activity("cin_plans", chronology.plan_activities)
        register_episode_panel(PLANS_PANEL)
        register_episode_panel(CLOSURE_PANEL)
