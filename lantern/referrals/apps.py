from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "lantern.referrals"
    label = "referrals"
    verbose_name = "Child in need episodes"

    def ready(self) -> None:
        from lantern.chronology.registry import register_kind
        from lantern.people.panels import register_panel

        from . import chronology, obligations  # noqa: F401  (obligations registers the episode's timescales)
        from .panels import EPISODES_PANEL

        register_kind("referral", "Referrals", chronology.referral_events)
        register_kind("closure", "Closures", chronology.closure_events)
        register_kind("transfer", "Transfers with a risk evaluation", chronology.transfer_events)
        register_panel(EPISODES_PANEL)
