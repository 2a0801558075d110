from django.apps import AppConfig


class ProtectionConfig(AppConfig):
    name = "lantern.protection"
    label = "protection"
    verbose_name = "Child protection: strategy discussions, enquiries, conferences and plans"

    def ready(self) -> None:
        from lantern.chronology.registry import register_kind
        from lantern.people.panels import register_panel
        from lantern.referrals.activity import register_activity
        from lantern.referrals.episode_panels import register_episode_panel

        from . import chronology, obligations  # noqa: F401  (obligations registers the deadline sources)
        from .panels import EPISODE_PANEL, PROTECTION_PANEL

        for kind, label, events in chronology.KINDS:
            register_kind(kind, label, events)
        register_activity("protection", chronology.episode_activities)
        register_panel(PROTECTION_PANEL)
        register_episode_panel(EPISODE_PANEL)
