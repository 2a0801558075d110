from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "lantern.referrals"
    label = "referrals"
    verbose_name = "Child in need episodes"

    def ready(self) -> None:
        from lantern.chronology.registry import register_kind

        from . import obligations  # registers the episode's timescales

        register_kind("referral", "Referrals", obligations.referral_events)
        register_kind("closure", "Closures", obligations.closure_events)
