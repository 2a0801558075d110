from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "lantern.assessments"
    label = "assessments"
    verbose_name = "Child and family assessments"

    def ready(self) -> None:
        from lantern.chronology.registry import register_kind
        from lantern.referrals.activity import register_activity
        from lantern.referrals.episode_panels import register_episode_panel

        from . import chronology, obligations  # noqa: F401  (obligations registers the assessment's timescales)
        from .panels import ASSESSMENTS_PANEL

        register_kind("assessment", "Assessments", chronology.assessment_events)
        register_activity("assessments", chronology.assessment_activities)
        register_episode_panel(ASSESSMENTS_PANEL)
